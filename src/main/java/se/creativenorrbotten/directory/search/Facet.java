package se.creativenorrbotten.directory.search;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.lucene.util.FixedBitSet;

import se.creativenorrbotten.directory.common.http.DisplayLanguage;
import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.Opportunity;
import se.creativenorrbotten.directory.taxonomy.Languages;

/**
 * The keyword filters of the member search, each also a disjunctive facet: its query parameter, its index field, the
 * values it accepts and their labels, and how its facet lists them. Parsing ({@link SearchService#parse}), filtering
 * and counting ({@link MemberSearch}), the index's fields ({@link Fields#document}), the segment arrays
 * ({@link SegmentData}) and the count cache's key ({@link MemberQuery#counted}) all work from this list, so a keyword
 * filter is added here, plus the member's values in {@link MemberDocument}, its parameter in {@link SearchRequest} and
 * its list in {@link Facets}.
 */
enum Facet {
    TYPE("type", Fields.TYPE, m -> List.of(m.type().code()), false, MemberQuery.MAX_TYPES, Listing.FIXED, SearchRequest::type,
            Vocabulary.coded("type", MemberType.class, Labels::type)),
    SKILL("skill", Fields.SKILL, MemberDocument::skills, true, MemberQuery.MAX_SKILLS, Listing.TOP, SearchRequest::skill, new Vocabulary() {
        @Override
        public String unknown(String value, Taxonomy taxonomy) {
            return taxonomy.skills().containsKey(value) ? null : "unknown skill '" + value + "'";
        }

        @Override
        public String label(String value, Taxonomy taxonomy, DisplayLanguage language) {
            return language == DisplayLanguage.EN ? taxonomy.skillNameEn(value) : taxonomy.skillNameSv(value);
        }
    }),
    MUNICIPALITY("municipality", Fields.MUNICIPALITY, m -> List.of(m.municipality()), false, MemberQuery.MAX_MUNICIPALITIES, Listing.ALL, SearchRequest::municipality,
            new Vocabulary() {
                @Override
                public String unknown(String value, Taxonomy taxonomy) {
                    return taxonomy.municipalities().containsKey(value) ? null : "unknown municipality code '" + value + "'";
                }

                @Override
                public List<String> listed(Taxonomy taxonomy) {
                    return taxonomy.municipalityCodes();
                }

                @Override
                public String label(String value, Taxonomy taxonomy, DisplayLanguage language) {
                    return taxonomy.municipalityName(value); // the same in both languages
                }
            }),
    LANGUAGE("language", Fields.LANGUAGE, MemberDocument::languages, true, MemberQuery.MAX_LANGUAGES, Listing.PRESENT, SearchRequest::language, new Vocabulary() {
        @Override
        public String unknown(String value, Taxonomy taxonomy) {
            return Languages.isKnown(value) ? null
                    : "unknown language code '" + value + "'; use ISO 639-1, or ISO 639-3 where no two-letter code exists";
        }

        @Override
        public String label(String value, Taxonomy taxonomy, DisplayLanguage language) {
            return Labels.language(value, language);
        }
    }),
    SEEKS("seeks", Fields.SEEKS, MemberDocument::seeks, true, MemberQuery.MAX_OPPORTUNITIES, Listing.FIXED, SearchRequest::seeks,
            Vocabulary.coded("opportunity", Opportunity.class, Opportunity::label)),
    OFFERS("offers", Fields.OFFERS, MemberDocument::offers, true, MemberQuery.MAX_OPPORTUNITIES, Listing.FIXED, SearchRequest::offers,
            Vocabulary.coded("opportunity", Opportunity.class, Opportunity::label));

    /** How a facet lists its values. */
    enum Listing {
        /** Every value, zeros included, in the vocabulary's order. */
        FIXED,
        /** Every value, zeros included, the most frequent first. */
        ALL,
        /** The facetSize most frequent values with members, and every selected one. */
        TOP,
        /** Every value with members, the most frequent first, and every selected one. */
        PRESENT
    }

    /** The values a filter accepts and their display names. */
    interface Vocabulary {
        /** Why {@code value} is not accepted (the 400's message), or null when it is. */
        String unknown(String value, Taxonomy taxonomy);

        /** The values the facet lists even without members (for {@link Listing#FIXED} and {@link Listing#ALL}). */
        default List<String> listed(Taxonomy taxonomy) {
            return List.of();
        }

        String label(String value, Taxonomy taxonomy, DisplayLanguage language);

        /** The codes of an enum, in its order, labelled by {@code label}; {@code noun} names a value in errors. */
        static <E extends Enum<E> & Coded> Vocabulary coded(String noun, Class<E> type, BiFunction<E, DisplayLanguage, String> label) {
            return new Vocabulary() {
                @Override
                public String unknown(String value, Taxonomy taxonomy) {
                    return Coded.isCode(type, value) ? null : "unknown " + noun + " '" + value + "'; must be one of: " + Coded.allowed(type);
                }

                @Override
                public List<String> listed(Taxonomy taxonomy) {
                    return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
                }

                @Override
                public String label(String value, Taxonomy taxonomy, DisplayLanguage language) {
                    return label.apply(Coded.fromCode(type, value), language);
                }
            };
        }
    }

    /** The query parameter, as in the contract and in the 400's field names. */
    final String parameter;
    final String field;
    /** A member's values, as the index holds them. */
    final Function<MemberDocument, List<String>> indexed;
    /** Whether a member has any number of values (else at most one). */
    final boolean multiValued;
    final int maxValues;
    final Listing listing;
    final Function<SearchRequest, List<String>> sent;
    final Vocabulary vocabulary;

    Facet(String parameter, String field, Function<MemberDocument, List<String>> indexed, boolean multiValued, int maxValues, Listing listing,
            Function<SearchRequest, List<String>> sent, Vocabulary vocabulary) {
        this.parameter = parameter;
        this.field = field;
        this.indexed = indexed;
        this.multiValued = multiValued;
        this.maxValues = maxValues;
        this.listing = listing;
        this.sent = sent;
        this.vocabulary = vocabulary;
    }

    /** The dense ords of each facet's values. */
    static final class Registry {
        private final Map<Facet, Ords> ords = new EnumMap<>(Facet.class);

        Registry() {
            for (Facet facet : values()) {
                ords.put(facet, new Ords());
            }
        }

        Ords ords(Facet facet) {
            return ords.get(facet);
        }
    }

    /**
     * Adds, for every document in {@code docs}, its values of each facet in {@code which} to that facet's
     * counts: one tight loop per facet over the set bits (no per-document branching on the facet).
     */
    static void count(SegmentData data, FixedBitSet docs, Set<Facet> which, Map<Facet, int[]> counts) {
        long[] words = docs.getBits();
        int wordCount = FixedBitSet.bits2words(docs.length());
        for (Facet facet : which) {
            int[] into = counts.get(facet);
            if (facet.multiValued) {
                multi(words, wordCount, data.starts(facet), data.ords(facet), into);
            } else {
                single(words, wordCount, data.ords(facet), into);
            }
        }
    }

    private static void single(long[] words, int wordCount, short[] values, int[] into) {
        for (int w = 0; w < wordCount; w++) {
            long word = words[w];
            int base = w << 6;
            while (word != 0) {
                int value = values[base + Long.numberOfTrailingZeros(word)];
                word &= word - 1;
                if (value >= 0) {
                    into[value]++;
                }
            }
        }
    }

    private static void multi(long[] words, int wordCount, int[] start, short[] values, int[] into) {
        for (int w = 0; w < wordCount; w++) {
            long word = words[w];
            int base = w << 6;
            while (word != 0) {
                int doc = base + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                for (int k = start[doc], end = start[doc + 1]; k < end; k++) {
                    into[values[k]]++;
                }
            }
        }
    }
}
