import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.gson.Gson;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;

import se.creativenorrbotten.client.ApiClient;
import se.creativenorrbotten.client.ApiException;
import se.creativenorrbotten.client.ApiResponse;
import se.creativenorrbotten.client.JSON;
import se.creativenorrbotten.client.Pair;
import se.creativenorrbotten.client.api.AccountsApi;
import se.creativenorrbotten.client.api.CurationApi;
import se.creativenorrbotten.client.api.MembersApi;
import se.creativenorrbotten.client.api.SkillsApi;
import se.creativenorrbotten.client.model.AccountInput;
import se.creativenorrbotten.client.model.AccountRole;
import se.creativenorrbotten.client.model.AccountView;
import se.creativenorrbotten.client.model.Application;
import se.creativenorrbotten.client.model.ApplicationConsents;
import se.creativenorrbotten.client.model.Branch;
import se.creativenorrbotten.client.model.Member;
import se.creativenorrbotten.client.model.MemberInput;
import se.creativenorrbotten.client.model.MemberPage;
import se.creativenorrbotten.client.model.MemberPatch;
import se.creativenorrbotten.client.model.MemberRepresentation;
import se.creativenorrbotten.client.model.MemberType;
import se.creativenorrbotten.client.model.Opportunity;
import se.creativenorrbotten.client.model.PasswordInput;
import se.creativenorrbotten.client.model.PublicMember;
import se.creativenorrbotten.client.model.Skill;
import se.creativenorrbotten.client.model.SkillInput;

/**
 * Drives the packaged service through the Java (okhttp-gson) client that openapi-generator made from the
 * committed contract (.ci/clients-check.sh). Usage: java ClientCheck BASE_URL ADMIN_PASSWORD. Exits non-zero
 * with the reason on the first thing that the contract promised and the service or the client did not do.
 */
public final class ClientCheck {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        String nonce = Long.toString(System.nanoTime(), 36);
        ApiClient admin = new ApiClient().setBasePath(base);
        admin.setUsername("admin");
        admin.setPassword(password);
        ApiClient anonymous = new ApiClient().setBasePath(base);
        MembersApi members = new MembersApi(admin);
        MembersApi publicMembers = new MembersApi(anonymous);

        // Create: 201 with Location and ETag, the full record.
        String name = "Java klient " + nonce;
        ApiResponse<Member> created = members.createMemberWithHttpInfo(new MemberInput().name(name)
                .type(MemberType.FREELANCER).municipality("2580").skills(List.of("photography"))
                .headline("Fotograf i Luleå").phone("070-123 45 67").notes("Made by the Java client check.")
                .availableForWork(true).seeks(List.of(Opportunity.COLLABORATION, Opportunity.ASSIGNMENTS)), null);
        check(created.getStatusCode() == 201, "createMember answered " + created.getStatusCode());
        Member member = created.getData();
        UUID id = member.getId();
        check(header(created, "Location").endsWith("/api/v1/members/" + id), "Location " + header(created, "Location"));
        String etag = header(created, "ETag");

        // Search for it (the index follows writes within a second or so).
        MemberPage page = null;
        for (int i = 0; i < 50; i++) {
            page = publicMembers.searchMembers(null, null, null, null, null, null, null, null, nonce,
                    List.of(Opportunity.COLLABORATION), null, null, null, null, null, null, null, null, null, null);
            if (page.getTotal() > 0) {
                break;
            }
            Thread.sleep(200);
        }
        check(page.getTotal() == 1 && page.getItems().get(0).getId().equals(id), "search for " + nonce + " found "
                + page.getTotal());
        check(List.of(Opportunity.ASSIGNMENTS, Opportunity.COLLABORATION).equals(member.getSeeks()),
                "seeks in the enum's order: " + member.getSeeks());

        // A typed merge patch changes a property ...
        ApiResponse<Member> patched = members.patchMemberWithHttpInfo(id, etag,
                new MemberPatch().headline("Fotograf och filmare i Luleå").availableForWork(false));
        check("Fotograf och filmare i Luleå".equals(patched.getData().getHeadline()), "typed patch: headline");
        check(Boolean.FALSE.equals(patched.getData().getAvailableForWork()), "typed patch: availableForWork");
        etag = header(patched, "ETag");

        // ... and null clears one. The generated model cannot say null: its Gson drops nulls (serializeNulls
        // off, and on it would send every unset property as null, clearing them all). So the clearing patch
        // goes through the same generated ApiClient (base path, Basic auth, If-Match, merge-patch content
        // type) with a JSON object holding an explicit null, serialised by a Gson that keeps nulls.
        JsonObject clear = new JsonObject();
        clear.add("phone", JsonNull.INSTANCE);
        Gson standard = JSON.getGson();
        Member cleared;
        try {
            JSON.setGson(standard.newBuilder().serializeNulls().create());
            Map<String, String> headers = new HashMap<>();
            headers.put("If-Match", etag);
            headers.put("Content-Type", "application/merge-patch+json");
            headers.put("Accept", "application/json");
            okhttp3.Call call = admin.buildCall(null, "/api/v1/members/" + id, "PATCH", new ArrayList<Pair>(),
                    new ArrayList<Pair>(), clear, headers, new HashMap<>(), new HashMap<>(), new String[] {"basicAuth"}, null);
            Type memberType = new TypeToken<Member>() { }.getType();
            ApiResponse<Member> response = admin.execute(call, memberType);
            cleared = response.getData();
            etag = header(response, "ETag");
        } finally {
            JSON.setGson(standard);
        }
        check(cleared.getPhone() == null, "patch with phone: null left phone " + cleared.getPhone());
        check("Fotograf och filmare i Luleå".equals(cleared.getHeadline()), "the null patch changed the headline");

        // Both views, each read as its own type.
        MemberRepresentation publicView = publicMembers.getMember(member.getSlug(), null);
        check(publicView.getActualInstance() instanceof PublicMember, "anonymous getMember read as "
                + publicView.getActualInstance().getClass().getSimpleName());
        PublicMember shown = publicView.getPublicMember();
        check(Boolean.FALSE.equals(shown.getFeatured()), "public view: featured " + shown.getFeatured());
        check(shown.getView() == PublicMember.ViewEnum.PUBLIC, "public view: view " + shown.getView());
        MemberRepresentation curatorView = members.getMember(id.toString(), null);
        check(curatorView.getActualInstance() instanceof Member, "curator getMember read as "
                + curatorView.getActualInstance().getClass().getSimpleName());
        check("Made by the Java client check.".equals(curatorView.getMember().getNotes()), "curator view: notes");
        check(curatorView.getMember().getView() == Member.ViewEnum.CURATOR, "curator view: view");

        // An application (privacyNotice a plain boolean that must be true).
        ApiResponse<?> applied = new CurationApi(anonymous).applyForListingWithHttpInfo(new Application()
                .name("Java ansökan " + nonce).type(MemberType.STUDENT).municipality("2581").skills(List.of("photography"))
                .consents(new ApplicationConsents().contactPublic(false).privacyNotice(true)));
        check(applied.getStatusCode() == 202, "applyForListing answered " + applied.getStatusCode());

        // The 204 operations, whose generated calls send Accept: application/problem+json.
        ApiResponse<Void> deleted = members.deleteMemberWithHttpInfo(id, etag);
        check(deleted.getStatusCode() == 204, "deleteMember answered " + deleted.getStatusCode());
        try {
            members.getMember(id.toString(), null);
            throw new IllegalStateException("the deleted member is still there");
        } catch (ApiException gone) {
            check(gone.getCode() == 404, "getMember after delete answered " + gone.getCode());
        }
        SkillsApi skills = new SkillsApi(admin);
        String slug = "java-check-" + nonce;
        ApiResponse<Skill> skill = skills.createSkillWithHttpInfo(new SkillInput().slug(slug).nameSv("Javakontroll " + nonce)
                .nameEn("Java check " + nonce).branch(Branch.AUDIOVISUAL));
        check(header(skill, "Location").endsWith("/api/v1/skills/" + slug), "createSkill Location");
        check(skills.deleteSkillWithHttpInfo(slug).getStatusCode() == 204, "deleteSkill");
        AccountsApi accounts = new AccountsApi(admin);
        AccountView account = accounts.createAccount(new AccountInput().username("java-check-" + nonce)
                .password("first-password-" + nonce).role(AccountRole.CURATOR));
        check(accounts.setAccountPasswordWithHttpInfo(account.getId(), new PasswordInput().password("second-password-" + nonce))
                .getStatusCode() == 204, "setAccountPassword");

        System.out.println("java client: created, found, patched (a value, and null), public and curator views typed,"
                + " applied, deleted member/skill and set a password (204s)");
    }

    private static String header(ApiResponse<?> response, String name) {
        for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue().get(0);
            }
        }
        throw new IllegalStateException("no " + name + " header");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("java client check failed: " + what);
        }
    }
}
