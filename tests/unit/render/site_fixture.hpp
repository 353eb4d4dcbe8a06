// A site as the server builds it at start (messages, templates, assets), for page tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "render/pages.hpp"

namespace rempart::render::testing {

class SiteFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        auto messages = Messages::load();
        ASSERT_TRUE(messages.ok()) << messages.error().detail;
        messages_ = std::move(*messages);
        auto templates = Templates::load();
        ASSERT_TRUE(templates.ok()) << templates.error().detail;
        templates_ = std::move(*templates);
        assets_ = StaticAssets::load();
        ASSERT_NE(assets_, nullptr);
    }

    // Built on each call: tests change site_ between renders.
    SiteView view() const {
        return SiteView{std::make_shared<const SiteSettings>(site_), *messages_, *templates_,
                        *assets_};
    }

    static Petition petition(std::string slug, std::string title, std::string body) {
        Petition petition;
        petition.slug = std::move(slug);
        petition.title = std::move(title);
        petition.body_markdown = std::move(body);
        return petition;
    }

    SiteSettings site_;
    std::unique_ptr<Messages> messages_;
    std::unique_ptr<Templates> templates_;
    std::unique_ptr<StaticAssets> assets_;
};

}  // namespace rempart::render::testing
