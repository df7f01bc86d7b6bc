package se.creativenorrbotten.directory.search;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SuggestionList", description = "Up to 10 completions: matching skills first, then members.")
public record SuggestionList(@Schema(maxItems = 10) List<Suggestion> items) {
}
