package se.creativenorrbotten.directory.search;

/** Example bodies of the search operations for the contract. */
final class SearchExamples {

    static final String PAGE = """
            {"items": [{"id": "3f2b8c1e-8a7d-4c1e-9b1a-2f4e5d6c7b8a", "slug": "asa-oberg-design", "name": "Åsa Öberg Design",
              "type": "agency", "headline": "UX and service design for the public sector in Norrbotten",
              "municipality": "2580", "skills": ["ux-design", "web-development"], "languages": ["sv", "en", "fi"],
              "seeks": ["collaboration"], "offers": ["assignments", "internship"],
              "website": "https://asaoberg.example", "logoUrl": "https://asaoberg.example/logo.png",
              "availableForWork": true, "updatedAt": "2026-11-26T10:15:30.123Z",
              "highlight": "UX and service design for the public sector in <mark>Norrbotten</mark>"}],
             "page": 1, "size": 20, "total": 1,
             "facets": {
              "type": [{"value": "agency", "label": "Byrå", "count": 1}, {"value": "freelancer", "label": "Frilansare", "count": 0},
                       {"value": "student", "label": "Student", "count": 0}],
              "skill": [{"value": "ux-design", "label": "UX-design", "count": 1}],
              "municipality": [{"value": "2580", "label": "Luleå", "count": 1}, {"value": "2506", "label": "Arjeplog", "count": 0}],
              "language": [{"value": "sv", "label": "svenska", "count": 1}],
              "seeks": [{"value": "assignments", "label": "Uppdrag", "count": 0},
                        {"value": "employment", "label": "Anställning", "count": 0},
                        {"value": "internship", "label": "Praktik/LIA", "count": 0},
                        {"value": "collaboration", "label": "Samarbete", "count": 1},
                        {"value": "mentoring", "label": "Mentorskap", "count": 0}],
              "offers": [{"value": "assignments", "label": "Uppdrag", "count": 1},
                         {"value": "employment", "label": "Anställning", "count": 0},
                         {"value": "internship", "label": "Praktik/LIA", "count": 1},
                         {"value": "collaboration", "label": "Samarbete", "count": 0},
                         {"value": "mentoring", "label": "Mentorskap", "count": 0}]}}""";


    static final String SUGGESTIONS = """
            {"items": [{"text": "Fotografi", "kind": "skill", "value": "photography"},
                       {"text": "Foto Fia i Piteå", "kind": "member", "value": "foto-fia-i-pitea"}]}""";

    private SearchExamples() {
    }
}
