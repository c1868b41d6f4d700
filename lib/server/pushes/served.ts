import "server-only";
import { withGroups } from "@/lib/server/pushes/group-refs";
import { withNames } from "@/lib/server/users/names";
import type { PushRecord } from "@/lib/validations/push-record";

/** The fields of a record that name a console user by username. */
const PEOPLE = ["sent_by", "approved_by", "rejected_by", "cancelled_by", "rescheduled_by", "settled_by"] as const;

/** Records with the names of the people they name (the home page, which shows no groups). */
export const withPeople = <T extends PushRecord>(records: T[]): Promise<T[]> => withNames(records, PEOPLE);

/** Records as the lists and the record page serve them: groups and people by name. */
export const served = async <T extends PushRecord>(records: T[]): Promise<T[]> => withPeople(await withGroups(records));
