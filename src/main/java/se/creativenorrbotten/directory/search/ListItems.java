package se.creativenorrbotten.directory.search;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.dto.MemberSummary;

/**
 * List items made by property name, generated at build time: a list-item property with no namesake in the indexed
 * document fails the build. {@code FieldsTest} checks that the card carries each of them.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, typeConversionPolicy = ReportingPolicy.ERROR)
interface ListItems {

    ListItems MAP = Mappers.getMapper(ListItems.class);

    /** The list item of a member as read from its card, without a highlight. */
    @Mapping(target = "status", source = "status")
    @Mapping(target = "highlight", ignore = true)
    MemberSummary item(MemberDocument card, Boolean featured, MemberStatus status);

    /** The card's lists are immutable already (see Fields): shared, not copied. */
    default <T> List<T> list(List<T> values) {
        return values;
    }

    /** The item with the text that matched a query. */
    @Mapping(target = "highlight", source = "highlight")
    MemberSummary withHighlight(MemberSummary item, String highlight);
}
