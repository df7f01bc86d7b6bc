package se.creativenorrbotten.directory.transfer;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import jakarta.ws.rs.QueryParam;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;

/**
 * The filters of an export, as query parameters (one {@code @BeanParam} for both formats), each repeatable: values
 * OR-ed, parameters AND-ed. {@link MemberExports#selection} checks them.
 */
public record ExportFilters(
        @Parameter(description = "Only members in these statuses.", schema = @Schema(type = SchemaType.ARRAY,
                implementation = MemberStatus.class, maxItems = MemberExports.MAX_STATUSES))
        @QueryParam("status") List<String> status,
        @Parameter(description = "Only members based in one of these municipalities (SCB codes).",
                schema = @Schema(type = SchemaType.ARRAY, implementation = String.class,
                        maxItems = MemberExports.MAX_MUNICIPALITIES))
        @QueryParam("municipality") List<String> municipality,
        @Parameter(description = "Only members with any of these skills (slugs).", schema = @Schema(type = SchemaType.ARRAY,
                implementation = String.class, maxItems = MemberExports.MAX_SKILLS))
        @QueryParam("skill") List<String> skill,
        @Parameter(description = "Only members of these types.", schema = @Schema(type = SchemaType.ARRAY,
                implementation = MemberType.class, maxItems = MemberExports.MAX_TYPES))
        @QueryParam("type") List<String> type) {
}
