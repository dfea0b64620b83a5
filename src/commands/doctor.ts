import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import { fixPermissions, inspectDatabase, repairLists } from '../store/health.js';
import { LIST_TRIGGER_COUNT } from '../store/meeting-lists.js';
import { humanSize } from '../ui/sizes.js';
import { safeText } from '../domain/names.js';

export async function doctor(ctx: Ctx, opts: { fix?: boolean }): Promise<void> {
  const t = ctx.t.trust.say;
  const c = ctx.out.c;
  const report = inspectDatabase(ctx.dbPath);
  let problems = 0;
  const row = (label: string, value: string, ok = true) => {
    if (!ok) problems++;
    ctx.out.line(`  ${label}: ${ok ? value : c.red(value)}`);
  };

  ctx.out.heading(t.doctorTitle);
  row(t.doctorPath, report.exists ? report.path : `${report.path} — ${t.doctorMissing}`);
  if (report.exists) {
    if (report.unreadable) {
      row(t.doctorIntegrity, report.unreadable.render(ctx.t), false);
    } else if (report.version !== null) {
      row(t.doctorSchema, t.doctorSchemaValue(report.version, report.latest), report.version <= report.latest);
      const intact = report.integrity.length === 1 && report.integrity[0] === 'ok' && report.foreignKeyProblems === 0;
      const detail = [...report.integrity.filter((x) => x !== 'ok'), ...(report.foreignKeyProblems ? [`foreign keys: ${report.foreignKeyProblems}`] : [])];
      row(t.doctorIntegrity, intact ? t.doctorOk : detail.slice(0, 3).join('; '), intact);
      if (report.wrongLists !== null && report.missingListTriggers !== null) {
        let wrong = report.wrongLists;
        let missing = report.missingListTriggers.length;
        // Only a sound file of the current schema is written to; anything else is for a backup.
        if (wrong + missing > 0 && opts.fix && intact && report.version === report.latest) {
          const fixed = repairLists(report.path);
          if (fixed.triggers > 0) ctx.out.success(t.doctorListTriggersMade(fixed.triggers));
          ctx.out.success(t.doctorListsFixed(fixed.meetings));
          wrong = 0;
          missing = 0;
        }
        const trouble = [...(missing > 0 ? [t.doctorListTriggersMissing(missing, LIST_TRIGGER_COUNT)] : []), ...(wrong > 0 ? [t.doctorListsWrong(wrong)] : [])];
        row(t.doctorLists, trouble.length === 0 ? t.doctorOk : trouble.join('; '), trouble.length === 0);
      }
      row(t.doctorGroups, t.doctorCounts(report.groups, report.meetings));
    }
    row(t.doctorSizes, report.sizes.map((s) => `${s.file} ${humanSize(s.bytes, ctx.lang)}`).join(', '));
  }

  let perms = report.permissions;
  if (opts.fix) {
    for (const f of fixPermissions(perms)) ctx.out.success(t.doctorPermFixed(f.path, octal(f.want)));
    perms = perms.map((p) => ({ ...p, ok: true, mode: p.ok ? p.mode : p.want }));
  }
  if (perms.length) ctx.out.line(`  ${t.doctorPermissions}:`);
  for (const p of perms) {
    const text = p.ok ? t.doctorPermOk(octal(p.mode)) : t.doctorPermLoose(octal(p.mode), octal(p.want));
    if (!p.ok) problems++;
    ctx.out.line(`    ${safeText(p.path)}: ${p.ok ? text : c.red(text)}`);
  }

  if (problems > 0) throw new UserError((tt) => tt.trust.say.doctorProblems(problems));
  ctx.out.success(t.doctorAllGood);
}

function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}
