// Chinese as people write it: no space between Chinese words, one space where a Chinese character
// meets a Latin letter or a digit (演示审核人驳回; demo-supervisor 驳回; 提交于 2026-03-01).

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

const spaced = (left: string, right: string) =>
  (HAN.test(left) && LATIN_OR_DIGIT.test(right)) || (LATIN_OR_DIGIT.test(left) && HAN.test(right));

/** A sentence from its words and values, with a space only where a value meets Chinese across Latin or digits. */
export function zh(strings: TemplateStringsArray, ...values: ReadonlyArray<string | number>): string {
  let text = strings[0] ?? "";
  values.forEach((value, i) => {
    for (const part of [String(value), strings[i + 1] ?? ""]) {
      if (text && part && spaced(text.at(-1)!, part[0]!)) text += " ";
      text += part;
    }
  });
  return text;
}
