import { SearchX } from 'lucide-react';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';

/** Something inside the agency (a site, say) that does not exist or was deleted. */
export default function AgencyNotFound() {
  return (
    <Card>
      <EmptyState
        icon={SearchX}
        title="Not found"
        action={
          <ButtonLink href="/" variant="secondary">
            Back to the dashboard
          </ButtonLink>
        }
      >
        It may have been deleted, or the link is wrong.
      </EmptyState>
    </Card>
  );
}
