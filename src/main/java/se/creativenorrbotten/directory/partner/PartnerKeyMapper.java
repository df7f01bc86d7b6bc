package se.creativenorrbotten.directory.partner;

import java.util.List;

import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.partner.dto.PartnerKeyPage;
import se.creativenorrbotten.directory.partner.dto.PartnerKeyView;

/** The one place where partner keys become API views; the key's hash is left behind here. */
final class PartnerKeyMapper {

    private PartnerKeyMapper() {
    }

    static PartnerKeyView toView(PartnerKey key) {
        return new PartnerKeyView(key.getId(), key.getKeyPrefix(), key.getName(), key.getContact(), key.getRequestsPerMinute(),
                key.getOrigins(), key.isEnabled(), key.getCreatedAt(), key.getUpdatedAt(), key.getLastUsedAt());
    }

    static PartnerKeyPage toPage(List<PartnerKey> keys, PageRequest page, long total) {
        return new PartnerKeyPage(keys.stream().map(PartnerKeyMapper::toView).toList(), page.page(), page.size(), total);
    }
}
