package se.creativenorrbotten.directory.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of a member's history: a field's old and new value (as JSON text), or a status action with
 * its reason. Written by {@link MemberService} in the transaction of the change itself.
 */
@Entity
@Table(name = "member_history")
public class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, length = 20)
    private String action;

    @Column(length = 40)
    private String field;

    @Column(name = "old_value", length = 65535)
    private String oldValue;

    @Column(name = "new_value", length = 65535)
    private String newValue;

    @Column(length = 1000)
    private String reason;

    protected HistoryEntry() {
    }

    HistoryEntry(UUID memberId, Instant at, String actor, HistoryAction action, String field, String oldValue,
            String newValue, String reason) {
        this.memberId = memberId;
        this.at = at;
        this.actor = actor;
        this.action = action.code();
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }

    public String getReason() {
        return reason;
    }
}
