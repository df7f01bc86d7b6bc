package se.creativenorrbotten.directory.member;

/** Example bodies for the contract, kept in one place. */
final class MemberExamples {

    /** What every example of a member shows of it, in the order of the properties (a JSON fragment). */
    private static final String PROFILE = """
            "name": "Åsa Öberg Design", "type": "agency",
             "headline": "UX and service design for the public sector in Norrbotten",
             "description": "A small studio in Luleå working with UX, service design and web development.",
             "municipality": "2580", "serviceArea": ["2580", "2581", "2582"],
             "skills": ["ux-design", "web-development"], "languages": ["sv", "en", "fi"],
             "seeks": ["collaboration"], "offers": ["assignments", "internship"],
             "website": "https://asaoberg.example", "logoUrl": "https://asaoberg.example/logo.png",
             "portfolioLinks": ["https://asaoberg.example/work/kulturhuset"],
             "socialLinks": [{"network": "linkedin", "url": "https://linkedin.example/company/asaoberg"}],
             "email": "hej@asaoberg.example.com", "phone": "+46 70-174 06 42\"""";

    private static final String BUSINESS = """
            "organisationNumber": "556036-0793", "foundedYear": 2014, "availableForWork": true""";

    private static final String IDENTITY = """
            "id": "3f2b8c1e-8a7d-4c1e-9b1a-2f4e5d6c7b8a", "slug": "asa-oberg-design\"""";

    private static final String STAMPS = """
            "createdAt": "2026-11-26T10:15:30.123Z", "updatedAt": "2026-11-26T10:15:30.123Z", "version": 0""";

    static final String INPUT = "{" + PROFILE + ", \"contactPublic\": true, " + BUSINESS + "}";

    static final String VIEW = "{\"view\": \"curator\", " + IDENTITY + ", " + PROFILE + ", \"contactPublic\": true, "
            + BUSINESS + ", " + STAMPS + ", " + """
            "status": "published", "featuredUntil": "2027-01-31",
             "notes": "Met at the media week 2026.",
             "consents": [{"kind": "contactPublic", "given": true, "at": "2026-11-26T10:15:30.123Z",
                           "source": "curator", "recordedBy": "curator-anna"}]}""";

    static final String PUBLIC_VIEW = "{\"view\": \"public\", " + IDENTITY + ", " + PROFILE + ", " + BUSINESS + ", "
            + STAMPS + ", \"featured\": true}";

    static final String PATCH = """
            {"availableForWork": false, "headline": "Booked until March", "phone": null}""";

    static final String CHANGES = "{\"items\": [{\"id\": \"3f2b8c1e-8a7d-4c1e-9b1a-2f4e5d6c7b8a\", \"change\": \"upsert\","
            + " \"member\": " + PUBLIC_VIEW + ", \"changedAt\": \"2026-11-26T10:15:30.123Z\"},"
            + " {\"id\": \"9c4d2e1f-5b6a-4c3d-8e7f-1a2b3c4d5e6f\", \"change\": \"delete\","
            + " \"changedAt\": \"2026-11-27T08:02:11.500Z\"}],"
            + " \"nextCursor\": \"YzEuNDIuM2YyYjhjMWUtOGE3ZC00YzFlLTliMWEtMmY0ZTVkNmM3Yjhh\", \"hasMore\": false}";

    static final String NO_CHANGES = """
            {"items": [], "nextCursor": "YzEuNDIuM2YyYjhjMWUtOGE3ZC00YzFlLTliMWEtMmY0ZTVkNmM3Yjhh", "hasMore": false}""";

    private MemberExamples() {
    }
}
