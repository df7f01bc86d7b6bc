package se.creativenorrbotten.directory.openapi;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.ws.rs.core.Application;

/** The contract's front matter: what the API is, its tags and its security scheme. */
@OpenAPIDefinition(
        info = @Info(title = "Creative Norrbotten member directory", version = "1.0.0",
                description = "The members of Creative Norrbotten, the network of the cultural and creative industries in"
                        + " Norrbotten: agencies, students and freelancers, tagged by skill and municipality."
                        + " Reading is public; writing needs a curator account (HTTP Basic over TLS)."
                        + " Every error is application/problem+json (RFC 9457).",
                contact = @Contact(name = "Creative Norrbotten", url = "https://creativenorrbotten.se"),
                license = @License(name = "Proprietary", url = "https://creativenorrbotten.se")),
        servers = @Server(url = "/", description = "The service that serves this contract (production, or local development)",
                extensions = @Extension(name = "x-internal", value = "false", parseValue = true)),
        tags = {
                @Tag(name = "Members", description = "Agencies, students and freelancers of the network."),
                @Tag(name = "Curation", description = "How listings get in and stay right: applications, the review workflow"
                        + " (pending, published, rejected, archived), featuring, each member's history and the GDPR export."),
                @Tag(name = "Skills", description = "The skill taxonomy, grouped by creative branch."),
                @Tag(name = "Municipalities", description = "The 14 municipalities of Norrbotten."),
                @Tag(name = "Accounts", description = "The admins' and curators' accounts; admins only."),
                @Tag(name = "Imports", description = "Bulk imports of members as background jobs, with a report of each"
                        + " bad row; admins only.")},
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = DirectoryApi.BASIC_AUTH,
                type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "A curator account's user name and password. Use only over TLS.")))
public class DirectoryApi extends Application {

    public static final String BASIC_AUTH = "basicAuth";
}
