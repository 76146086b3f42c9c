import { z } from 'zod';
import { agencyProcedure, id, platformAdminProcedure, protectedProcedure, router } from '../../trpc.ts';
import {
  catalogEntryOutput,
  createModuleInput,
  moduleOutput,
  publisherModuleOutput,
  reviewDetailOutput,
  reviewerStatusOutput,
  reviewInput,
  reviewQueueEntryOutput,
  uploadVersionInput,
  versionOutput,
  versionRef,
} from './registry.schemas.ts';
import {
  catalog,
  changeStatus,
  createModule,
  getModule,
  listModules,
  listVersions,
  reviewVersion,
  uploadVersion,
} from './registry.service.ts';
import { reviewDetail, reviewerStatus, reviewQueue } from './review-queue.ts';

const transitionProcedure = (action: Parameters<typeof changeStatus>[3]) =>
  agencyProcedure('admin')
    .input(versionRef)
    .output(versionOutput)
    .mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.agency.id, input, action));

export const registryRouter = router({
  list: agencyProcedure()
    .output(z.array(publisherModuleOutput))
    .query(({ ctx }) => listModules(ctx.db, ctx.agency.id)),
  get: agencyProcedure()
    .input(z.object({ moduleId: id }))
    .output(publisherModuleOutput)
    .query(({ ctx, input }) => getModule(ctx.db, ctx.agency.id, input.moduleId)),
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
  /** Submitted versions of every agency, oldest first. */
  reviewQueue: platformAdminProcedure.output(z.array(reviewQueueEntryOutput)).query(({ ctx }) => reviewQueue(ctx.db)),
  /** One version for its reviewer: manifest, and permissions compared with the module's live version. */
  reviewDetail: platformAdminProcedure
    .input(z.object({ versionId: id }))
    .output(reviewDetailOutput)
    .query(({ ctx, input }) => reviewDetail(ctx.db, input.versionId)),
  /** Anyone may ask whether they review modules: the dashboard shows reviewers their queue. */
  reviewerStatus: protectedProcedure.output(reviewerStatusOutput).query(({ ctx }) => reviewerStatus(ctx.db, ctx.user.id)),
  catalog: protectedProcedure.output(z.array(catalogEntryOutput)).query(({ ctx }) => catalog(ctx.db)),
});
