import { route } from "@/lib/server/route";
import { created, createTemplate, listTemplates, templateFailed } from "@/lib/server/templates/store";
import { templateListQuerySchema, templateSchema } from "@/lib/validations/template";

export const dynamic = "force-dynamic";

/** 常用模板, newest change first: words in the name or content (`q`), a channel, paged. */
export const GET = route({ need: "read", query: templateListQuerySchema }, ({ query }) => listTemplates(query));

/** A new template (editors): its name and one channel's content, by the push's own rules. */
export const POST = route({ need: "read", body: templateSchema }, async ({ request, user, actor, body }) => {
  try {
    return created(await createTemplate(body, { user, actor, request }));
  } catch (error) {
    return templateFailed(error);
  }
});
