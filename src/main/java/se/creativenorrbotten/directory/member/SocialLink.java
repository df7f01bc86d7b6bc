package se.creativenorrbotten.directory.member;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

@Embeddable
public class SocialLink {

    @Convert(converter = SocialNetwork.DbConverter.class)
    @Column(nullable = false, length = 20)
    private SocialNetwork network;

    @Column(nullable = false, length = 2048)
    private String url;

    protected SocialLink() {
    }

    public SocialLink(SocialNetwork network, String url) {
        this.network = network;
        this.url = url;
    }

    public SocialNetwork getNetwork() {
        return network;
    }

    public String getUrl() {
        return url;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SocialLink link && link.network == network && java.util.Objects.equals(link.url, url);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(network, url);
    }
}
