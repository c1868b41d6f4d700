import { jsonResponse } from "@/lib/server/http";
import { route } from "@/lib/server/route";
import { deleteTemplate, getTemplate, templateFailed, templateNotFound, updateTemplate } from "@/lib/server/templates/store";
import { templateSchema } from "@/lib/validations/template";

export const dynamic = "force-dynamic";

export const GET = route({ need: "read" }, async ({ params }) => (await getTemplate(params.id!)) ?? templateNotFound());

/** The whole template again (name, notify_way, that channel's fields): an editor's own, or anyone's for supervisors and admins. */
export const PATCH = route({ need: "read", body: templateSchema }, async ({ request, user, actor, body, params }) => {
  try {
    return await updateTemplate(params.id!, body, { user, actor, request });
  } catch (error) {
    return templateFailed(error);
  }
});

export const DELETE = route({ need: "read" }, async ({ request, user, actor, params }) => {
  try {
    await deleteTemplate(params.id!, { user, actor, request });
    return jsonResponse({ id: params.id, deleted: true });
  } catch (error) {
    return templateFailed(error);
  }
});
