// render/words: the words every page reads are built once a language and site, and read in
// place by the templates.
#include "render/words.hpp"

#include <gtest/gtest.h>

#include "site_fixture.hpp"

namespace rempart::render {
namespace {

namespace mu = kainjow::mustache;

class Words : public testing::SiteFixture {
  protected:
    std::string render(const std::string& source, const mu::data& data, Language language) {
        mu::mustache page{source};
        EXPECT_TRUE(page.is_valid()) << page.error_message();
        return render_over_words(page, data, *shared_words(*messages_, language, site_));
    }
};

TEST_F(Words, OneBuildServesEveryRenderOfALanguageAndSite) {
    site_.name = "Les Amis du Bocage";
    const auto first = shared_words(*messages_, Language::fr, site_);
    EXPECT_EQ(shared_words(*messages_, Language::fr, site_), first);
    EXPECT_NE(shared_words(*messages_, Language::en, site_), first);
}

TEST_F(Words, TheSitesNamesAreFilledInAndAChangeOfThemIsSeen) {
    site_.name = "Les Amis du Bocage";
    EXPECT_EQ(render("{{t.terms.intro}}", {}, Language::en),
              "Les Amis du Bocage publishes petitions and lets people sign them. By signing or "
              "proposing a petition, you accept these terms.");
    const auto before = shared_words(*messages_, Language::en, site_);
    site_.name = "Vélo & Cité";
    EXPECT_NE(shared_words(*messages_, Language::en, site_), before);
    const auto changed = render("{{t.terms.intro}}", {}, Language::en);
    EXPECT_TRUE(changed.starts_with("Vélo &amp; Cité publishes")) << changed;
}

TEST_F(Words, ThePagesFieldsAndSectionsSeeTheWordsBeneathThem) {
    mu::data data;
    data.set("title", std::string("Vélo"));
    mu::data list = mu::data::type::list;
    mu::data item;
    item.set("slug", std::string("velo"));
    list.push_back(item);
    data.set("petitions", list);
    EXPECT_EQ(render("{{title}}: {{#petitions}}{{slug}} {{t.home.title}}{{/petitions}}", data,
                     Language::en),
              "Vélo: velo " + std::string(messages_->text(Language::en, "home.title")));
}

TEST_F(Words, AnotherCatalogHasItsOwnWords) {
    auto other = Messages::load();
    ASSERT_TRUE(other.ok());
    EXPECT_NE(shared_words(**other, Language::fr, site_),
              shared_words(*messages_, Language::fr, site_));
}

}  // namespace
}  // namespace rempart::render
