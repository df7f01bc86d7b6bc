package se.creativenorrbotten.directory.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.persistence.StartupLock;
import se.creativenorrbotten.directory.member.MemberRepository;
import se.creativenorrbotten.directory.member.MemberService;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.dto.MemberInput;

/**
 * With DIRECTORY_DEMO_DATA=true, fills an empty directory with about 60 clearly fictional members
 * (every name ends in "(demo)"), through the same service path as any curator's write.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String RESOURCE = "/demo/members.json";

    private final DirectoryConfig config;
    private final MemberRepository repository;
    private final MemberService members;
    private final ObjectMapper json;

    public DemoData(DirectoryConfig config, MemberRepository repository, MemberService members, ObjectMapper json) {
        this.config = config;
        this.repository = repository;
        this.members = members;
        this.json = json;
    }

    void onStart(@Observes @Priority(10) StartupEvent start) throws IOException {
        if (!config.demoData()) {
            return;
        }
        List<MemberInput> demo;
        try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
            demo = json.readValue(in, new TypeReference<List<MemberInput>>() { });
        }
        // One transaction under the start-up lock: instances starting together load the members once.
        QuarkusTransaction.requiringNew().run(() -> {
            StartupLock.take(repository.getEntityManager());
            if (repository.count() > 0) {
                LOG.info("Demo data not loaded: the directory already has members.");
                return;
            }
            demo.forEach(member -> members.create(member, MemberStatus.PUBLISHED, "demo-data"));
            LOG.infof("Loaded %d fictional demo members.", demo.size());
        });
    }
}
