import { Loading, Skeleton } from '@/components/ui/spinner';

export default function AgencyLoading() {
  return (
    <Loading label="Loading">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="mt-2 h-4 w-72" />
      <Skeleton className="mt-8 h-48 w-full" />
    </Loading>
  );
}
