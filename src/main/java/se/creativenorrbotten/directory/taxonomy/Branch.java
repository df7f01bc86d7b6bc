package se.creativenorrbotten.directory.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.common.json.Coded;

/** The branches of the cultural and creative industries, as the Swedish national statistics (Kreametern) group them. */
@Schema(name = "Branch", description = "Creative branch (Kreametern): architecture (Arkitektur), audiovisual (Audiovisuellt),"
        + " visual-arts-design (Bild & form), cultural-heritage (Kulturarv), literature-press (Litteratur & press),"
        + " literary-artistic-creation (Litterärt och konstnärligt skapande), fashion (Mode),"
        + " advertising (Reklam), performing-arts (Scenkonst).")
public enum Branch implements Coded {
    ARCHITECTURE("architecture", "Arkitektur", "Architecture"),
    AUDIOVISUAL("audiovisual", "Audiovisuellt", "Audiovisual"),
    VISUAL_ARTS_DESIGN("visual-arts-design", "Bild & form", "Visual arts & design"),
    CULTURAL_HERITAGE("cultural-heritage", "Kulturarv", "Cultural heritage"),
    LITERATURE_PRESS("literature-press", "Litteratur & press", "Literature & press"),
    LITERARY_ARTISTIC_CREATION("literary-artistic-creation", "Litterärt och konstnärligt skapande",
            "Literary and artistic creation"),
    FASHION("fashion", "Mode", "Fashion"),
    ADVERTISING("advertising", "Reklam", "Advertising & marketing communication"),
    PERFORMING_ARTS("performing-arts", "Scenkonst", "Performing arts");

    private final String code;
    private final String nameSv;
    private final String nameEn;

    Branch(String code, String nameSv, String nameEn) {
        this.code = code;
        this.nameSv = nameSv;
        this.nameEn = nameEn;
    }

    @Override
    public String code() {
        return code;
    }

    public String nameSv() {
        return nameSv;
    }

    public String nameEn() {
        return nameEn;
    }
}
