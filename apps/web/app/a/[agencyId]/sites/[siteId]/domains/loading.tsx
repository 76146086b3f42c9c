import { Loading, Skeleton } from '@/components/ui/spinner';

export default function DomainsLoading() {
  return (
    <Loading label="Loading domains">
      <Skeleton className="h-4 w-24" />
      <Skeleton className="mt-4 h-7 w-40" />
      <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      <Skeleton className="mt-8 h-10 w-full" />
      <Skeleton className="mt-6 h-64 w-full" />
    </Loading>
  );
}
