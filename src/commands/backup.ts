import { format } from 'date-fns/format';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import { backupDatabase } from '../store/backup.js';
import { humanSize } from '../ui/sizes.js';

export async function backup(ctx: Ctx, file: string | undefined): Promise<void> {
  if (!existsSync(ctx.dbPath)) throw new UserError((t) => t.trust.err.noDatabase(ctx.dbPath));
  const target = resolve(
    file ?? join(dirname(ctx.dbPath), 'backups', `intervisie-${format(ctx.clock.now(), 'yyyyMMdd-HHmmss')}.db`),
  );
  const size = await backupDatabase(ctx.readStore(), target);
  ctx.out.success(ctx.t.trust.say.backupDone(target, humanSize(size, ctx.lang)));
}
