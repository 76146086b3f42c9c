import { Loading, Skeleton } from '@/components/ui/spinner';

export default function ModuleLoading() {
  return (
    <Loading label="Loading the module">
      <Skeleton className="h-4 w-24" />
      <Skeleton className="mt-4 h-7 w-56" />
      <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      <Skeleton className="mt-8 h-48 w-full" />
      <Skeleton className="mt-6 h-64 w-full" />
    </Loading>
  );
}
