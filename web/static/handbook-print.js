// Numbers the pages of the printed handbook's contents. Chromium has no target-counter(), so
// before printing this script applies the print sheet on screen, lays the chapters out in
// pages of the print area's height as the browser will (a page break before each chapter;
// a block that does not fit moves whole to the next page; a heading stays with what follows),
// and writes each chapter's first page beside its title.
'use strict';
(() => {
  const sheet = document.getElementById('handbook-print-css');
  if (!sheet) return;

  // The print area's height in CSS pixels: A4 less the page's top and bottom margins.
  function pageHeight() {
    const probe = document.createElement('div');
    probe.style.height = '252mm';
    probe.style.position = 'absolute';
    document.body.appendChild(probe);
    const h = probe.getBoundingClientRect().height;
    probe.remove();
    return h;
  }

  // The blocks that a page break does not cut, in order.
  function blocks(el) {
    const out = [];
    for (const child of el.children) {
      if (getComputedStyle(child).display === 'none') continue;
      if (child.matches('.app-handbook-text, .app-handbook-toc > ol')) out.push(...child.children);
      else out.push(child);
    }
    return out;
  }

  // pagesOf counts the pages el takes, starting on a fresh page.
  function pagesOf(el, h) {
    const origin = el.getBoundingClientRect().top;
    const list = blocks(el);
    let shift = 0;
    list.forEach((b, i) => {
      const r = b.getBoundingClientRect();
      let top = r.top - origin + shift;
      let bottom = r.bottom - origin + shift;
      if (/^H[3-6]$/.test(b.tagName) && list[i + 1]) { // kept with the block after it
        bottom = list[i + 1].getBoundingClientRect().bottom - origin + shift;
      }
      const start = Math.floor(top / h + 1e-6) * h;
      if (bottom - start > h + 0.5 && top - start > 0.5 && bottom - top <= h) {
        shift += start + h - top;
      }
    });
    const end = el.getBoundingClientRect().bottom - origin + shift;
    return Math.max(1, Math.ceil(end / h - 1e-3));
  }

  function paginate() {
    sheet.media = 'all';
    const h = pageHeight();
    const chapters = document.querySelectorAll('.app-handbook-chapter');
    const toc = document.querySelector('.app-handbook-toc');
    // Twice: the numbers themselves may make the contents a page longer.
    for (let pass = 0; pass < 2; pass++) {
      let page = 2 + pagesOf(toc, h); // the title page is page 1
      for (const c of chapters) {
        const slot = document.querySelector('.app-toc-page[data-for="' + c.id + '"]');
        if (slot) slot.textContent = String(page);
        page += pagesOf(c, h);
      }
      document.documentElement.dataset.printPages = String(page - 1);
    }
  }

  window.addEventListener('beforeprint', paginate);
  window.addEventListener('afterprint', () => { sheet.media = 'print'; });
})();
