package se.creativenorrbotten.directory.member;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import se.creativenorrbotten.directory.member.dto.MemberView;

/**
 * ETags of members. The full record's tag is its version in quotes ("7"); the public view, a different
 * representation with a version of its own (which counts only the changes the public can see), gets
 * "3-public". If-Match compares strongly (RFC 9110), so only the full record's tag, as curators receive it,
 * or * can authorise a write.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(long version) {
        return full(version).toString();
    }

    /** The tag of the full record, as curators read it. */
    public static EntityTag full(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The tag of the public view, from the public view's own version. A feature that ends by
     * itself changes the view without a new version, so the tag says whether it is featured.
     */
    public static EntityTag publicView(long version, boolean featured) {
        return new EntityTag(version + (featured ? "-public-featured" : "-public"));
    }

    /** 200 with the member's full record and its ETag: the answer to every write that changes a member. */
    public static Response changed(MemberView member) {
        return Response.ok(member).tag(full(member.version())).build();
    }

    static boolean matches(String ifMatch, long version) {
        String current = of(version);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
