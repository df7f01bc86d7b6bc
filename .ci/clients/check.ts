// Drives the packaged service through the TypeScript (typescript-fetch) client that openapi-generator made
// from the committed contract (.ci/clients-check.sh). Usage: node check.js BASE_URL ADMIN_PASSWORD. Exits
// non-zero with the reason on the first thing that the contract promised and the service or client did not do.
import {
  Configuration, CurationApi, MembersApi, SkillsApi, AccountsApi, ResponseError, Member, PublicMember,
  MemberRepresentation,
} from './client';

// The two things used from Node, declared here rather than installing @types/node.
declare const process: { argv: string[]; exit(code: number): never };

const [base, password] = process.argv.slice(2);
const nonce = Date.now().toString(36) + 't';

function check(ok: boolean, what: string): void {
  if (!ok) {
    throw new Error(`typescript client check failed: ${what}`);
  }
}

// The generated types do the work: only a PublicMember has featured, only a Member has notes.
function describe(representation: MemberRepresentation): string {
  switch (representation.view) {
    case 'public': {
      const shown: PublicMember = representation;
      return `public, featured ${shown.featured}`;
    }
    case 'curator': {
      const full: Member = representation;
      return `curator, notes ${full.notes}`;
    }
  }
}

async function main(): Promise<void> {
  const admin = new Configuration({ basePath: base, username: 'admin', password });
  const anonymous = new Configuration({ basePath: base });
  const members = new MembersApi(admin);
  const publicMembers = new MembersApi(anonymous);

  const created = await members.createMemberRaw({
    memberInput: {
      name: `TS klient ${nonce}`, type: 'freelancer', municipality: '2580', skills: ['photography'],
      headline: 'Illustratör i Luleå', phone: '070-765 43 21', notes: 'Made by the TypeScript client check.',
      availableForWork: true,
    },
  });
  check(created.raw.status === 201, `createMember answered ${created.raw.status}`);
  const member = await created.value();
  check((created.raw.headers.get('Location') ?? '').endsWith(`/api/v1/members/${member.id}`), 'Location');
  let etag = created.raw.headers.get('ETag') ?? '';

  let total = 0;
  for (let i = 0; i < 50 && total === 0; i++) {
    const page = await publicMembers.searchMembers({ q: nonce });
    total = page.total ?? 0;
    check(total === 0 || page.items?.[0]?.id === member.id, 'search found another member');
    if (total === 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  check(total === 1, `search for ${nonce} found ${total}`);

  // One merge patch: a value changes and null clears the phone (MemberPatch.phone is string | null).
  const patched = await members.patchMemberRaw({
    id: member.id!, ifMatch: etag, memberPatch: { headline: 'Illustratör och animatör i Luleå', phone: null },
  });
  const after = await patched.value();
  etag = patched.raw.headers.get('ETag') ?? '';
  check(after.headline === 'Illustratör och animatör i Luleå', 'patch: headline');
  check(after.phone === undefined, `patch with phone: null left phone ${after.phone}`);

  const publicView = await publicMembers.getMember({ id: member.slug! });
  check(publicView.view === 'public' && describe(publicView) === 'public, featured false',
    `anonymous getMember: ${describe(publicView)}`);
  const curatorView = await members.getMember({ id: member.id! });
  check(describe(curatorView) === 'curator, notes Made by the TypeScript client check.',
    `curator getMember: ${describe(curatorView)}`);

  const applied = await new CurationApi(anonymous).applyForListingRaw({
    application: {
      name: `TS ansökan ${nonce}`, type: 'student', municipality: '2581', skills: ['photography'],
      consents: { contactPublic: false, privacyNotice: true },
    },
  });
  check(applied.raw.status === 202, `applyForListing answered ${applied.raw.status}`);

  const deleted = await members.deleteMemberRaw({ id: member.id!, ifMatch: etag });
  check(deleted.raw.status === 204, `deleteMember answered ${deleted.raw.status}`);
  try {
    await members.getMember({ id: member.id! });
    check(false, 'the deleted member is still there');
  } catch (e) {
    check(e instanceof ResponseError && e.response.status === 404, `getMember after delete: ${e}`);
  }
  const skills = new SkillsApi(admin);
  const slug = `ts-check-${nonce}`;
  const skill = await skills.createSkillRaw({
    skillInput: { slug, nameSv: `TS-kontroll ${nonce}`, nameEn: `TS check ${nonce}`, branch: 'audiovisual' },
  });
  check((skill.raw.headers.get('Location') ?? '').endsWith(`/api/v1/skills/${slug}`), 'createSkill Location');
  check((await skills.deleteSkillRaw({ slug })).raw.status === 204, 'deleteSkill');
  const accounts = new AccountsApi(admin);
  const account = await accounts.createAccount({
    accountInput: { username: `ts-check-${nonce}`, password: `first-password-${nonce}`, role: 'curator' },
  });
  const reset = await accounts.setAccountPasswordRaw({ id: account.id!, passwordInput: { password: `second-password-${nonce}` } });
  check(reset.raw.status === 204, 'setAccountPassword');
  console.log('typescript client: created, found, patched (a value and null), public and curator views typed,'
    + ' applied, deleted member/skill and set a password (204s)');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
