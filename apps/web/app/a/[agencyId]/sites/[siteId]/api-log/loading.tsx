import { Loading, Skeleton } from '@/components/ui/spinner';

export default function ApiLogLoading() {
  return (
    <Loading label="Loading the API log">
      <Skeleton className="h-4 w-24" />
      <Skeleton className="mt-4 h-7 w-40" />
      <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      <Skeleton className="mt-8 h-40 w-full" />
      <Skeleton className="mt-6 h-64 w-full" />
    </Loading>
  );
}
