import { Loading, Skeleton } from '@/components/ui/spinner';

export default function ReviewsLoading() {
  return (
    <Loading label="Loading reviews">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="mt-2 h-4 w-80 max-w-full" />
      <Skeleton className="mt-8 h-64 w-full" />
    </Loading>
  );
}
