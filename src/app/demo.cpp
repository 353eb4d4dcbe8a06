// The demo petition that `rempart serve --demo` publishes into an empty store.
#include "app/demo.hpp"

#include "core/embedded.hpp"

namespace rempart::app {

PetitionDraft demo_petition() {
    PetitionDraft draft;
    draft.slug = "rue-de-la-republique-a-velo";
    draft.title = "Une rue de la République sûre pour aller à l'école à pied et à vélo";
    draft.summary =
        "Nous demandons une piste cyclable séparée, une zone 30 et un passage piéton éclairé "
        "devant l'école Jean-Jaurès avant la rentrée prochaine.";
    draft.body_markdown = std::string(embedded::find("demo/petition-fr.md").value_or(""));
    draft.goal = 1000;
    return draft;
}

}  // namespace rempart::app
