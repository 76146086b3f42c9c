// Tenant isolation over every procedure of the router (see testing/tenancy-sweep.ts).
import { tenancySweep } from '../testing/tenancy-sweep.ts';

tenancySweep();
