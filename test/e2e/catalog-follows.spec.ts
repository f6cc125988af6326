// Issue 10, path 4: a catalog figure follows the item it prices. Before the fix, switching a buy
// option to an RTX 4090 kept the H100's 30,000 (marked "Overridden") and the servers derived from
// it; a 3-year reservation kept the on-demand price; Vast.ai → Akash kept Vast's price.
import { expect, test } from '@playwright/test';
import { box, card, dict, labelOf, openIn, typeInto, type Lang } from './numbers-helpers.ts';

for (const lang of ['en', 'fr'] as const satisfies readonly Lang[]) {
  const t = dict[lang];
  const dec = (s: string) => (lang === 'fr' ? s.replace('.', ',') : s);

  test(`path 4 (${lang}): a new accelerator brings its catalog price; derived servers follow`, async ({ page }) => {
  // Many keystrokes on a machine that may be busy: a longer budget (speed is not what is tested).
  test.slow();
    await openIn(page, lang);
    const buy = card(page, /colocated in France/);
    const price = buy.getByLabel(labelOf(lang, 'buy.unitPrice'));
    const server = buy.getByLabel(labelOf(lang, 'buy.serverAndNetwork'));
    const accelerator = buy.getByLabel(t['option.accelerator'], { exact: true });
    await expect(price).toHaveValue('30000');
    await expect(server).toHaveValue('122064');

    await accelerator.selectOption('nvidia-rtx-4090');
    await expect(price).toHaveValue('1599');
    await expect(server).toHaveValue(dec('6506.01'));
    await expect(box(price).getByText(t['field.fromCatalog'], { exact: true })).toBeVisible();
    await expect(box(server).getByText(t['field.fromCatalog'], { exact: true })).toBeVisible();

    // A price the person typed is kept, shown next to the new catalog figure, one click from it.
    await accelerator.selectOption('nvidia-h100-sxm');
    await expect(price).toHaveValue('30000');
    await typeInto(page, price, '28000');
    await expect(server).toHaveValue('113926');
    await accelerator.selectOption('nvidia-rtx-4090');
    await expect(price).toHaveValue('28000');
    await expect(box(price).getByText(t['field.overridden'], { exact: true })).toBeVisible();
    const useCatalog = box(price).getByRole('button', { name: t['field.useCatalog'].replace('{value}', lang === 'fr' ? '1\u202f599' : '1,599') });
    await useCatalog.click();
    await expect(price).toHaveValue('1599');
    await expect(server).toHaveValue(dec('6506.01'));
  });

  test(`path 4 (${lang}): a pricing model or market without a catalog price says so instead of keeping the old one`, async ({ page }) => {
  // Many keystrokes on a machine that may be busy: a longer budget (speed is not what is tested).
  test.slow();
    await openIn(page, lang);
    const aws = card(page, /AWS Stockholm/);
    const cloudPrice = aws.getByLabel(labelOf(lang, 'rent.price'));
    await expect(cloudPrice).toHaveValue(dec('7.3616'));
    await aws.getByLabel(t['rent.pricingModel'], { exact: true }).selectOption('reserved3y');
    await expect(cloudPrice).toHaveValue('');
    await expect(cloudPrice).toHaveAttribute('aria-invalid', 'true');
    await expect(box(cloudPrice).getByText(t['gap.noFigure'])).toBeVisible();
    // Back on demand: the catalog's price again.
    await aws.getByLabel(t['rent.pricingModel'], { exact: true }).selectOption('onDemand');
    await expect(cloudPrice).toHaveValue(dec('7.3616'));

    const vast = card(page, /Vast\.ai/);
    const marketPrice = vast.getByLabel(labelOf(lang, 'rent.price'));
    await expect(marketPrice).toHaveValue(dec('1.87'));
    await typeInto(page, vast.getByLabel(t['rent.market'], { exact: true }), 'Akash');
    await expect(marketPrice).toHaveValue('');
    await expect(box(marketPrice).getByText(t['gap.noFigure'])).toBeVisible();
    await typeInto(page, vast.getByLabel(t['rent.market'], { exact: true }), 'Vast.ai');
    await expect(marketPrice).toHaveValue(dec('1.87'));
  });
}
