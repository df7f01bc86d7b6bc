package se.creativenorrbotten.directory.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One consent given or withdrawn: the evidence behind a member's privacy settings (GDPR art. 7(1)). */
@Entity
@Table(name = "member_consent")
public class MemberConsent {

    /** The consent to show e-mail and phone publicly. */
    public static final String CONTACT_PUBLIC = "contactPublic";
    /** The applicant's confirmation that they have read the privacy notice (applications only). */
    public static final String PRIVACY_NOTICE = "privacyNotice";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Column(nullable = false, length = 30)
    private String kind;

    @Column(nullable = false)
    private boolean given;

    @Column(nullable = false)
    private Instant at;

    @Convert(converter = ConsentSource.DbConverter.class)
    @Column(nullable = false, length = 20)
    private ConsentSource source;

    @Column(nullable = false, length = 64)
    private String actor;

    protected MemberConsent() {
    }

    MemberConsent(UUID memberId, String kind, boolean given, Instant at, ConsentSource source, String actor) {
        this.memberId = memberId;
        this.kind = kind;
        this.given = given;
        this.at = at;
        this.source = source;
        this.actor = actor;
    }

    UUID getMemberId() {
        return memberId;
    }

    public String getKind() {
        return kind;
    }

    public boolean isGiven() {
        return given;
    }

    public Instant getAt() {
        return at;
    }

    public ConsentSource getSource() {
        return source;
    }

    public String getActor() {
        return actor;
    }
}
