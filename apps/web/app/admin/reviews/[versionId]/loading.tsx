import { Loading, Skeleton } from '@/components/ui/spinner';

export default function ReviewLoading() {
  return (
    <Loading label="Loading the version">
      <Skeleton className="h-4 w-32" />
      <Skeleton className="mt-4 h-7 w-64" />
      <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      <div className="mt-8 grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Skeleton className="h-96" />
        <Skeleton className="h-64" />
      </div>
    </Loading>
  );
}
