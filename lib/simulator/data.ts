import "server-only";
import { formatChinaTime } from "@/lib/text/china-time";

// The simulator's user groups: deterministic (a seeded generator), realistic, and with the hostile
// cases a real tenant will one day have. Shaped exactly as the vendor's example: ints arrive as
// strings on some records, one group has no pnum, tags carry the vendor's audit fields.

export type SimTag = {
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
  group_id: number;
  tag_code: string;
  tag_name: string;
  tenant_id: number;
  relational_symbols: string;
  value1: string;
  value2?: string;
};

export type SimGroup = {
  id: number;
  title: string;
  type: number | string;
  department: string;
  status: number | string;
  operate_time: string;
  operator: string;
  tags: SimTag[] | null;
  pnum?: number;
};

const DEPARTMENTS = ["新闻中心", "融媒体中心", "时政新闻部", "社会新闻部", "经济新闻部", "文体新闻部", "视频部", "办公室"];
const OPERATORS = ["demo6", "王磊", "李娜", "张伟", "陈静", "刘洋", "zhaomin", "孙丽"];
const TAGS: Array<{ code: string; name: string; values: string[] }> = [
  {
    code: "work_unit",
    name: "工作单位",
    values: ["太平街道", "城东街道", "市应急管理局", "区卫健委", "市教育局", "新华社区", "高新区管委会"],
  },
  { code: "area", name: "所在区域", values: ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区"] },
  { code: "occupation", name: "职业", values: ["网格员", "志愿者", "教师", "医护人员", "社区干部", "快递员"] },
  { code: "political_status", name: "政治面貌", values: ["中共党员", "共青团员", "群众"] },
  { code: "gender", name: "性别", values: ["男", "女"] },
];
const TITLE_STEMS = [
  "志愿者",
  "网格员",
  "应急联络人",
  "通讯员",
  "社区干部",
  "党员先锋队",
  "防汛责任人",
  "教师群",
  "医护人员",
  "骑手",
  "物业联络人",
  "楼道长",
];

/** mulberry32: small, fast, and the same sequence everywhere. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_ID = 101;
const EPOCH = Date.UTC(2024, 0, 1);
const SPAN = 2 * 365 * 24 * 3600_000;

/** `count` groups, newest (highest id) first, as a CMS lists them. */
export function generateGroups(count: number, seed = 20240606): SimGroup[] {
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const groups: SimGroup[] = [];
  for (let i = 0; i < count; i++) {
    const id = FIRST_ID + i;
    const operatedAt = EPOCH + Math.floor(random() * SPAN);
    const isTagGroup = random() < 0.6;
    const tags: SimTag[] = [];
    if (isTagGroup) {
      const rules = 1 + Math.floor(random() * 3);
      const used = new Set<string>();
      for (let r = 0; r < rules; r++) {
        const tag = pick(TAGS);
        if (used.has(tag.code)) continue;
        used.add(tag.code);
        tags.push(tagRule(id, tag.code, tag.name, "value", pick(tag.values), operatedAt, random));
      }
    }
    const department = pick(DEPARTMENTS);
    const stem = pick(TITLE_STEMS);
    const first = tags[0];
    const title = first ? `${first.value1}${stem}` : `${department}${stem}名单${1 + (i % 9)}`;
    const asStrings = random() < 0.5; // the vendor's own example sends ints as strings
    groups.push({
      id,
      title,
      type: asStrings ? String(isTagGroup ? 2 : 1) : isTagGroup ? 2 : 1,
      department,
      status: asStrings ? "1" : 1,
      operate_time: formatChinaTime(operatedAt),
      operator: pick(OPERATORS),
      tags: isTagGroup ? tags : [],
      pnum: Math.floor(random() * 5000),
    });
  }
  addHostileCases(groups, random);
  return groups.reverse();
}

function tagRule(
  groupId: number,
  code: string,
  name: string,
  symbol: string,
  value1: string,
  at: number,
  random: () => number,
  value2?: string,
): SimTag {
  const by =
    Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, "0") + "83c7664d036e16f2";
  return {
    created_at: at,
    created_by: by,
    updated_at: at,
    updated_by: by,
    group_id: groupId,
    tag_code: code,
    tag_name: name,
    tenant_id: 6,
    relational_symbols: symbol,
    value1,
    ...(value2 === undefined ? {} : { value2 }),
  };
}

/** Overwrite a few early groups with what a real tenant eventually sends. */
function addHostileCases(groups: SimGroup[], random: () => number) {
  const at = (index: number) => groups[index];
  const html = at(1);
  if (html) {
    html.title = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>测试组';
  }
  const emoji = at(2);
  if (emoji) emoji.title = "🚒 消防志愿者 🔥👩‍🚒 群";
  const long = at(3);
  if (long) {
    long.title = "全市各街道社区网格员、楼道长、物业联络人及防汛防台应急责任人".repeat(4) + "（第二批次补充名单）";
  }
  const noCount = at(4);
  if (noCount) delete noCount.pnum;
  const range = at(5);
  if (range) {
    range.type = 2;
    const time = Date.UTC(2025, 2, 1);
    range.tags = [
      tagRule(range.id, "age", "年龄", "range", "18", time, random, "35"),
      tagRule(range.id, "area", "所在区域", "value", "西湖区", time, random),
      tagRule(range.id, "vip_level", "会员等级", "gte", "3", time, random),
    ];
    range.title = "西湖区青年志愿者";
  }
  const nullTags = at(6);
  if (nullTags) {
    nullTags.type = 1;
    nullTags.tags = null;
  }
}
