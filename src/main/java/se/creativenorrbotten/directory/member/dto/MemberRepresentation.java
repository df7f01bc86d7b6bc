package se.creativenorrbotten.directory.member.dto;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contract's answer of GET /members/{idOrSlug}: the public view or, for curators, the full record.
 * Both carry {@value #VIEW_PROPERTY}, so that a client (and a generated one) tells them apart by it.
 */
@Schema(name = "MemberRepresentation", description = "A member as the caller may see it: the public view (view = public)"
        + " or, with curator credentials, the full record (view = curator). The view property tells them apart.",
        oneOf = {PublicMemberView.class, MemberView.class}, discriminatorProperty = MemberRepresentation.VIEW_PROPERTY,
        discriminatorMapping = {
                @DiscriminatorMapping(value = MemberRepresentation.PUBLIC, schema = PublicMemberView.class),
                @DiscriminatorMapping(value = MemberRepresentation.CURATOR, schema = MemberView.class)})
public final class MemberRepresentation {

    /** The property that names the view in both representations of a member. */
    public static final String VIEW_PROPERTY = "view";
    /** {@link PublicMemberView}'s value of {@value #VIEW_PROPERTY}. */
    public static final String PUBLIC = "public";
    /** {@link MemberView}'s value of {@value #VIEW_PROPERTY}. */
    public static final String CURATOR = "curator";

    private MemberRepresentation() {
    }
}
