// Sharing a petition against the real server: the share section and link cards on its
// pages, and a QR code that a real reader (zbarimg, from zbar-tools) reads back as the
// petition's address.
#include <gtest/gtest.h>

#include <fstream>

#include "client/http_client.hpp"
#include "support/child_process.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

class Sharing : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("velo", "Des pistes & des vélos");
        server_.start();
        base_ = "http://127.0.0.1:" + std::to_string(server_.port());
    }
    ServerProcess server_;
    std::string base_;
};

TEST_F(Sharing, TheQrCodeReadsBackAsThePetitionsAddress) {
    const auto png = http_get(server_.port(), "/petitions/velo/qr.png");
    ASSERT_EQ(png.status, 200u);
    EXPECT_EQ(png.header("Content-Type"), "image/png");
    EXPECT_EQ(png.header("Cache-Control"), "public, max-age=86400");
    const auto image = server_.dir() / "qr.png";
    std::ofstream(image, std::ios::binary) << png.body;
    const auto output = server_.dir() / "zbarimg.txt";
    ASSERT_EQ(
        run_child({"zbarimg", "--raw", "-q", image.string()}, output, std::chrono::seconds(30)), 0)
        << read_file(output);
    // zbarimg may say on stderr, which shares the file, that it found no D-Bus: the code's
    // text is its last line.
    auto text = read_file(output);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    EXPECT_EQ(text.substr(text.rfind('\n') + 1), base_ + "/petitions/velo") << text;

    const auto svg = http_get(server_.port(), "/petitions/velo/qr.svg");
    ASSERT_EQ(svg.status, 200u);
    EXPECT_EQ(svg.header("Content-Type"), "image/svg+xml");
    EXPECT_TRUE(svg.body.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));

    // Asked again, the same bytes from memory; a client holding them gets 304.
    const auto again =
        http_get(server_.port(), "/petitions/velo/qr.png", {{"If-None-Match", png.header("ETag")}});
    EXPECT_EQ(again.status, 304u);
    EXPECT_EQ(http_get(server_.port(), "/petitions/nowhere/qr.png").status, 404u);
}

TEST_F(Sharing, ThePetitionAndThanksPagesOfferLinksAndNoThirdPartyLoads) {
    const auto page = http_get(server_.port(), "/petitions/velo", {{"Accept-Language", "en"}});
    ASSERT_EQ(page.status, 200u);
    const auto url = base_ + "/petitions/velo";
    EXPECT_NE(
        page.body.find("<input type=\"text\" id=\"share-url\" value=\"" + url + "\" readonly>"),
        std::string::npos);
    EXPECT_NE(page.body.find("<meta property=\"og:url\" content=\"" + url + "\">"),
              std::string::npos);
    EXPECT_NE(page.body.find("<meta property=\"og:title\" content=\"Des pistes &amp; des vélos\">"),
              std::string::npos);
    EXPECT_NE(page.body.find("<link rel=\"canonical\" href=\"" + url + "\">"), std::string::npos);
    // The title is percent-encoded into the links, never written raw into an address.
    EXPECT_NE(page.body.find("https://wa.me/?text=Des%20pistes%20%26%20des%20v%C3%A9los%20"),
              std::string::npos)
        << page.body;
    EXPECT_NE(page.body.find("href=\"/petitions/velo/qr.svg\" download"), std::string::npos);
    // Only our own scripts and styles: the share buttons are ours, the networks only links.
    std::size_t elements = 0;
    for (const auto* tag : {"<script", "<link rel=\"stylesheet\"", "<img"}) {
        for (auto at = page.body.find(tag); at != std::string::npos;
             at = page.body.find(tag, at + 1)) {
            const auto end = page.body.find('>', at);
            const auto element = page.body.substr(at, end - at);
            EXPECT_EQ(element.find("http"), std::string::npos) << element;
            ++elements;
        }
    }
    EXPECT_GE(elements, 5u);  // two stylesheets, the widget's scripts and share.js at least
    const auto thanks =
        http_get(server_.port(), "/petitions/velo/thanks", {{"Accept-Language", "en"}});
    EXPECT_NE(thanks.body.find("Share this petition"), std::string::npos);
    EXPECT_NE(thanks.body.find("/static/share."), std::string::npos);
}

}  // namespace
}  // namespace rempart::testing
