package se.creativenorrbotten.directory.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What remains of a deleted member: its id and when it went, so that partner sites can sync the deletion. */
@Entity
@Table(name = "member_tombstone")
public class MemberTombstone {

    @Id
    @Column(name = "member_id")
    private UUID memberId;

    @Column(name = "deleted_at", nullable = false)
    private Instant deletedAt;

    @Column(name = "change_seq", nullable = false)
    private long changeSeq;

    protected MemberTombstone() {
    }

    MemberTombstone(UUID memberId, Instant deletedAt, long changeSeq) {
        this.memberId = memberId;
        this.deletedAt = deletedAt;
        this.changeSeq = changeSeq;
    }

    public UUID getMemberId() {
        return memberId;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
