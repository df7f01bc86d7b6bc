package se.creativenorrbotten.directory.partner;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A partner site's key: its limit ({@code requestsPerMinute}) and the origins whose pages may read the public API.
 * Only the key's SHA-256 is kept; the key is shown once, when it is created.
 */
@Entity
@Table(name = "partner_key")
public class PartnerKey {

    @Id
    private UUID id;

    @Column(name = "key_hash", nullable = false, unique = true, length = 64, updatable = false)
    private String keyHash;

    @Column(name = "key_prefix", nullable = false, length = 12, updatable = false)
    private String keyPrefix;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 200)
    private String contact;

    @Column(name = "requests_per_minute", nullable = false)
    private int requestsPerMinute;

    /** The origins, separated by single spaces. */
    @Column(nullable = false, length = 4200)
    private String origins;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Written only by {@link PartnerKeyRepository#markUsed}, never by an entity update (which would undo it). */
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    protected PartnerKey() {
    }

    PartnerKey(String keyHash, String keyPrefix, String name, String contact, int requestsPerMinute, List<String> origins,
            Instant now) {
        this.id = UUID.randomUUID();
        this.keyHash = keyHash;
        this.keyPrefix = keyPrefix;
        this.name = name;
        this.contact = contact;
        this.requestsPerMinute = requestsPerMinute;
        setOrigins(origins);
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getKeyHash() {
        return keyHash;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public String getName() {
        return name;
    }

    public String getContact() {
        return contact;
    }

    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public List<String> getOrigins() {
        return origins.isEmpty() ? List.of() : Arrays.asList(origins.split(" "));
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    void setName(String name) {
        this.name = name;
    }

    void setContact(String contact) {
        this.contact = contact;
    }

    void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    void setOrigins(List<String> origins) {
        this.origins = String.join(" ", origins);
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
