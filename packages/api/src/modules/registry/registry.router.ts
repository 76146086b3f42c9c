import { z } from 'zod';
import { agencyProcedure, id, platformAdminProcedure, protectedProcedure, router } from '../../trpc.ts';
import {
  catalogEntryOutput,
  createModuleInput,
  moduleOutput,
  moduleWithVersionsOutput,
  reviewInput,
  uploadVersionInput,
  versionOutput,
  versionRef,
} from './registry.schemas.ts';
import {
  catalog,
  changeStatus,
  createModule,
  listModules,
  listVersions,
  reviewVersion,
  uploadVersion,
} from './registry.service.ts';

const transitionProcedure = (action: Parameters<typeof changeStatus>[3]) =>
  agencyProcedure('admin')
    .input(versionRef)
    .output(versionOutput)
    .mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.agency.id, input, action));

export const registryRouter = router({
  list: agencyProcedure()
    .output(z.array(moduleWithVersionsOutput))
    .query(({ ctx }) => listModules(ctx.db, ctx.agency.id)),
  versions: agencyProcedure()
    .input(z.object({ moduleId: id }))
    .output(z.array(versionOutput))
    .query(({ ctx, input }) => listVersions(ctx.db, ctx.agency.id, input.moduleId)),
  create: agencyProcedure('admin')
    .input(createModuleInput)
    .output(moduleOutput)
    .mutation(({ ctx, input }) => createModule(ctx.db, ctx.agency.id, input)),
  /** A new draft version from a package (.tgz, base64); checked entirely before anything is stored. */
  uploadVersion: agencyProcedure('admin')
    .input(uploadVersionInput)
    .output(versionOutput)
    .mutation(({ ctx, input }) => uploadVersion(ctx.db, ctx.agency.id, input.moduleId, input.packageBase64)),
  submit: transitionProcedure('submit'),
  publish: transitionProcedure('publish'),
  deprecate: transitionProcedure('deprecate'),
  yank: transitionProcedure('yank'),
  /** Platform staff approve or reject a submitted version, with notes for the publisher. */
  review: platformAdminProcedure
    .input(reviewInput)
    .output(versionOutput)
    .mutation(({ ctx, input }) => reviewVersion(ctx.db, ctx.user.id, input)),
  catalog: protectedProcedure.output(z.array(catalogEntryOutput)).query(({ ctx }) => catalog(ctx.db)),
});
