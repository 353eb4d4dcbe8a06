// A petition's news page in the back office (GET /admin/petitions/{id}/updates): what it
// reads from the store and how it shows, shared by the routes that write, send and ask the
// target for an answer.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "admin/guard.hpp"
#include "petitions/news.hpp"
#include "petitions/petition.hpp"

namespace rempart::admin {

struct NewsView {
    Petition petition;
    std::vector<News> news;
    std::int64_t recipients = 0;
};

// The petition, its news and how many signers would receive one; nullopt: no such petition.
boost::asio::awaitable<std::optional<NewsView>> read_news_view(AdminServices& s, std::int64_t id);

// 404 for a petition that is not there; 503 (logged) when the store could not write.
Response news_missing(const AdminServices& s, const AdminContext& context);
Response news_store_busy(const AdminServices& s, const AdminContext& context, const Error& error);

// "/admin/petitions/{id}/updates".
std::string news_base_path(std::int64_t id);

// What the form held, as typed.
struct NewsForm {
    std::string kind = "update";
    std::string subject;
    std::string text;
    std::string action;  // "preview" or "save"
};
NewsForm read_news_form(const FormFields& fields);

// The page's fields: the news sent and being sent with their progress, the form as typed
// and its errors.
PageData news_page_data(const AdminServices& s, const AdminContext& context, const NewsView& view,
                        const NewsForm& form, const std::vector<FieldError>& errors);
Response news_page(const AdminServices& s, const AdminContext& context, unsigned status,
                   PageData data);

}  // namespace rempart::admin
