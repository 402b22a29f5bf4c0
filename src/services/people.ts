import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Stakeholder } from '../../schemas/analysis.ts';
import type { Tx } from '../db/client.ts';
import { people } from '../db/schema.ts';
import type { WorkspaceContext } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { nameKey } from '../analysis/text.ts';

type Person = typeof people.$inferSelect;

/**
 * Resolves an analysis's stakeholders to the account's people, creating those seen for the first
 * time. Same email, else same full name within the account. A lone first name joins the one person
 * of the account with that first name, and only when there is exactly one: two people who share a
 * first name are never merged. Returns stakeholder name -> person id.
 */
export async function resolvePeople(
  tx: Tx,
  workspace: WorkspaceContext,
  accountId: string | null,
  stakeholders: Pick<Stakeholder, 'name' | 'email' | 'title' | 'side'>[],
): Promise<Map<string, string>> {
  const resolved = new Map<string, string>();
  if (stakeholders.length === 0) return resolved;
  const emails = stakeholders.map((s) => s.email?.toLowerCase()).filter((e): e is string => !!e);
  const known: Person[] = await tx
    .select()
    .from(people)
    .where(and(eq(people.workspaceId, workspace.id), accountId ? eq(people.accountId, accountId) : isNull(people.accountId)));
  if (emails.length) {
    const byEmail = await tx
      .select()
      .from(people)
      .where(and(eq(people.workspaceId, workspace.id), inArray(people.email, emails)));
    for (const p of byEmail) if (!known.some((k) => k.id === p.id)) known.push(p);
  }

  for (const s of stakeholders) {
    const email = s.email?.toLowerCase() ?? null;
    const key = nameKey(s.name);
    const match = findPerson(known, key, email);
    if (match) {
      resolved.set(s.name, match.id);
      const upgradeName = key.includes(' ') && !match.nameKey.includes(' ');
      if (upgradeName || (email && !match.email) || (s.title && !match.title)) {
        const patch = {
          ...(upgradeName ? { name: s.name, nameKey: key } : {}),
          ...(email && !match.email ? { email } : {}),
          ...(s.title && !match.title ? { title: s.title } : {}),
        };
        await tx.update(people).set(patch).where(eq(people.id, match.id));
        Object.assign(match, patch);
      }
      continue;
    }
    const person: Person = {
      id: newId('pers'),
      workspaceId: workspace.id,
      accountId,
      name: s.name,
      nameKey: key,
      email,
      title: s.title,
      side: s.side,
      createdAt: new Date(),
    };
    await tx.insert(people).values(person);
    known.push(person);
    resolved.set(s.name, person.id);
  }
  return resolved;
}

function findPerson(known: Person[], key: string, email: string | null): Person | undefined {
  if (email) {
    const byEmail = known.find((p) => p.email === email);
    if (byEmail) return byEmail;
  }
  const exact = known.filter((p) => p.nameKey === key && (!email || !p.email));
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return undefined;
  const first = key.split(' ')[0]!;
  if (!key.includes(' ')) {
    // "Ana" alone: only when the account has exactly one Ana.
    const sameFirst = known.filter((p) => p.nameKey.split(' ')[0] === first);
    return sameFirst.length === 1 ? sameFirst[0] : undefined;
  }
  // "Ana Lucero" after an earlier lone "Ana": the same person when that is the only Ana.
  const sameFirst = known.filter((p) => p.nameKey.split(' ')[0] === first);
  return sameFirst.length === 1 && !sameFirst[0]!.nameKey.includes(' ') && (!email || !sameFirst[0]!.email) ? sameFirst[0] : undefined;
}
