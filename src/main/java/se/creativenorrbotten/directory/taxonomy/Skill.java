package se.creativenorrbotten.directory.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.creativenorrbotten.directory.common.persistence.CodedConverter;

/** A skill of the taxonomy, such as "UX design", in one creative branch. Admins curate the list. */
@Entity
@Table(name = "skill")
public class Skill {

    @Id
    @Column(length = 60)
    private String slug;

    @Column(name = "name_sv", nullable = false, length = 80)
    private String nameSv;

    @Column(name = "name_en", nullable = false, length = 80)
    private String nameEn;

    @Convert(converter = BranchConverter.class)
    @Column(nullable = false, length = 40)
    private Branch branch;

    protected Skill() {
    }

    public Skill(String slug) {
        this.slug = slug;
    }

    public String getSlug() {
        return slug;
    }

    public String getNameSv() {
        return nameSv;
    }

    public void setNameSv(String nameSv) {
        this.nameSv = nameSv;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public Branch getBranch() {
        return branch;
    }

    public void setBranch(Branch branch) {
        this.branch = branch;
    }

    @Converter
    public static class BranchConverter extends CodedConverter<Branch> {
        public BranchConverter() {
            super(Branch.class);
        }
    }
}
