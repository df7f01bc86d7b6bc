package se.creativenorrbotten.directory.member;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.persistence.CodedConverter;

@Schema(name = "SocialNetwork", description = "Where a social link points.")
public enum SocialNetwork implements Coded {
    INSTAGRAM("instagram"), LINKEDIN("linkedin"), FACEBOOK("facebook"), YOUTUBE("youtube"), VIMEO("vimeo"),
    BEHANCE("behance"), DRIBBBLE("dribbble"), GITHUB("github"), TIKTOK("tiktok"), SOUNDCLOUD("soundcloud"),
    SPOTIFY("spotify"), BANDCAMP("bandcamp"), ARTSTATION("artstation"), MASTODON("mastodon"), X("x"), OTHER("other");

    private final String code;

    SocialNetwork(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter
    public static class DbConverter extends CodedConverter<SocialNetwork> {
        public DbConverter() {
            super(SocialNetwork.class);
        }
    }
}
