package se.creativenorrbotten.directory.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.lucene.analysis.icu.ICUCollationDocValuesField;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.text.SwedishText;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.dto.MemberSummary;

/** The index's fields, how a member becomes a Lucene document, and how a hit becomes a list item again. */
final class Fields {

    static final String ID = "id";
    static final String STATUS = "status";
    static final String TYPE = "type";
    static final String MUNICIPALITY = "municipality";
    static final String SERVES = "serves";
    static final String SKILL = "skill";
    static final String LANGUAGE = "language";
    static final String SEEKS = "seeks";
    static final String OFFERS = "offers";
    static final String AVAILABLE = "available";
    static final String NAME_SORT = "name_sort";
    static final String CREATED = "created";
    static final String UPDATED = "updated";
    /** When the member's feature ends (epoch ms); absent when never featured. */
    static final String FEATURED_UNTIL = "featured_until";
    static final String CARD = "card";
    static final String DESCRIPTION_TEXT = "description_text";

    static final String NAME = "name";
    static final String HEADLINE = "headline";
    static final String TAGS = "tags";
    static final String DESCRIPTION = "description";

    /** The status whose members the public sees. */
    static final String PUBLISHED = MemberStatus.PUBLISHED.code();

    /** The index is kept in Swedish name order, so listing by name stops after the first page's worth. */
    static final Sort INDEX_SORT = new Sort(new SortField(NAME_SORT, SortField.Type.STRING), new SortField(ID, SortField.Type.STRING));

    /** Text is only matched, never scored by frequency: documents only, no positions, no norms. */
    private static final FieldType TEXT = new FieldType();

    static {
        TEXT.setIndexOptions(IndexOptions.DOCS);
        TEXT.setTokenized(true);
        TEXT.setOmitNorms(true);
        TEXT.freeze();
    }

    private Fields() {
    }

    static Document document(MemberDocument m, Taxonomy taxonomy) {
        Document doc = new Document();
        String id = m.id().toString();
        doc.add(new StringField(ID, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
        doc.add(new StringField(STATUS, m.status().code(), Field.Store.NO));
        for (Facet facet : Facet.values()) {
            // Postings for the filter, doc values for the facet's counts.
            for (String value : facet.indexed.apply(m)) {
                doc.add(new StringField(facet.field, value, Field.Store.NO));
                doc.add(facet.multiValued ? new SortedSetDocValuesField(facet.field, new BytesRef(value))
                        : new SortedDocValuesField(facet.field, new BytesRef(value)));
            }
        }
        doc.add(new StringField(SERVES, m.municipality(), Field.Store.NO));
        m.serviceArea().stream().filter(code -> !code.equals(m.municipality()))
                .forEach(code -> doc.add(new StringField(SERVES, code, Field.Store.NO)));
        doc.add(new StringField(AVAILABLE, Boolean.toString(m.availableForWork()), Field.Store.NO));
        // The collation key orders names as a Swedish reader expects: …, y, z, å, ä, ö.
        ICUCollationDocValuesField nameSort = new ICUCollationDocValuesField(NAME_SORT, SwedishText.COLLATION);
        nameSort.setStringValue(m.name());
        doc.add(nameSort);
        doc.add(new NumericDocValuesField(CREATED, m.createdAt().toEpochMilli()));
        doc.add(new NumericDocValuesField(UPDATED, m.updatedAt().toEpochMilli()));
        if (m.featuredUntil() != null) {
            doc.add(new NumericDocValuesField(FEATURED_UNTIL, m.featuredUntil().toEpochMilli()));
        }

        text(doc, NAME, m.name());
        text(doc, HEADLINE, m.headline());
        text(doc, DESCRIPTION, m.description());
        text(doc, TAGS, String.join("\n", tags(m.skills(), m.municipality(), taxonomy)));

        doc.add(new BinaryDocValuesField(CARD, new BytesRef(card(m))));
        if (m.description() != null) {
            doc.add(new BinaryDocValuesField(DESCRIPTION_TEXT, new BytesRef(m.description())));
        }
        return doc;
    }

    /** The searchable names of a member's skills (Swedish and English) and base municipality, one per entry. */
    static List<String> tags(List<String> skills, String municipality, Taxonomy taxonomy) {
        List<String> tags = new ArrayList<>(skills.size() * 2 + 1);
        for (String skill : skills) {
            tags.add(taxonomy.skillNameSv(skill));
            tags.add(taxonomy.skillNameEn(skill));
        }
        tags.add(taxonomy.municipalityName(municipality));
        return tags;
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new Field(field + Analysis.EXACT, value, TEXT));
            doc.add(new Field(field + Analysis.FOLDED, value, TEXT));
        }
    }

    /**
     * A compact binary form of the list item, kept as (uncompressed, random-access) doc values with the
     * document, so a hit needs neither a database read nor decompressing stored fields.
     */
    static byte[] card(MemberDocument m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(m.id().getMostSignificantBits());
            out.writeLong(m.id().getLeastSignificantBits());
            out.writeUTF(m.slug());
            out.writeUTF(m.name());
            out.writeUTF(m.type().code());
            optional(out, m.headline());
            out.writeUTF(m.municipality());
            list(out, m.skills());
            list(out, m.languages());
            list(out, m.seeks());
            list(out, m.offers());
            optional(out, m.website());
            optional(out, m.logoUrl());
            out.writeBoolean(m.availableForWork());
            out.writeLong(m.updatedAt().toEpochMilli());
            out.writeUTF(m.status().code());
            out.writeLong(m.featuredUntil() == null ? 0 : m.featuredUntil().toEpochMilli());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** The list item of a card; {@code withStatus} for curators, {@code now} (epoch ms) decides whether it is featured. */
    static MemberSummary summary(BytesRef card, boolean withStatus, long now) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(card.bytes, card.offset, card.length))) {
            // In the order card() writes them; the rest of the document is not on the card.
            MemberDocument document = MemberDocument.builder()
                    .id(new UUID(in.readLong(), in.readLong()))
                    .slug(in.readUTF())
                    .name(in.readUTF())
                    .type(Coded.fromCode(MemberType.class, in.readUTF()))
                    .headline(optional(in))
                    .municipality(in.readUTF())
                    .skills(list(in))
                    .languages(list(in))
                    .seeks(list(in))
                    .offers(list(in))
                    .website(optional(in))
                    .logoUrl(optional(in))
                    .availableForWork(in.readBoolean())
                    .updatedAt(Instant.ofEpochMilli(in.readLong()))
                    .build();
            MemberStatus status = Coded.fromCode(MemberStatus.class, in.readUTF());
            boolean featured = in.readLong() > now;
            return ListItems.MAP.item(document, featured ? Boolean.TRUE : null, withStatus ? status : null);
        } catch (IOException corrupt) {
            throw new UncheckedIOException(corrupt);
        }
    }

    private static void optional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void list(DataOutputStream out, List<String> values) throws IOException {
        out.writeByte(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> list(DataInputStream in) throws IOException {
        int size = in.readByte();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(in.readUTF());
        }
        return List.copyOf(values);
    }
}
