package browsertest

import (
	"context"
	"fmt"

	"github.com/chromedp/chromedp"
)

// Sizes the visual checks use: a phone, a laptop and a 1080p projector.
var (
	Phone390 = TabOptions{Width: 390, Height: 844, Mobile: true}
	Laptop   = TabOptions{Width: 1280, Height: 800}
)

// layoutScript finds what a person would see as broken: a page wider than the window (outside
// the scroll containers that tables sit in), text cut off by its box, and visible elements
// that lie on top of each other. It names each by tag, id and classes.
const layoutScript = `(() => {
  const out = [];
  const desc = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
    ' "' + (e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40) + '"';
  const hiddenAway = e => {
    for (let x = e; x && x !== document.documentElement; x = x.parentElement) {
      const s = getComputedStyle(x);
      if (s.display === 'none' || s.visibility === 'hidden') return true;
      if (x.classList.contains('ds-sr-only') || x.classList.contains('ds-skip-link')) return true;
      if (s.clipPath !== 'none' || (s.clip && s.clip !== 'auto')) return true;
      if (x.tagName === 'DIALOG' && !x.open) return true;
    }
    return false;
  };
  const scroller = e => {
    for (let x = e.parentElement; x && x !== document.body; x = x.parentElement) {
      const ox = getComputedStyle(x).overflowX;
      if (ox === 'auto' || ox === 'scroll') return x;
    }
    return null;
  };
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw + 1) {
    const wide = [];
    for (const e of document.body.querySelectorAll('*')) {
      const r = e.getBoundingClientRect();
      if (r.right > vw + 1 && r.width > 0 && !scroller(e) && !hiddenAway(e)) wide.push(desc(e));
      if (wide.length >= 3) break;
    }
    out.push('page wider than the window (' + document.documentElement.scrollWidth + ' > ' + vw + ' px): ' + wide.join(', '));
  }
  for (const e of document.body.querySelectorAll('*')) {
    const s = getComputedStyle(e);
    if (!(s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis')) continue;
    if (e.scrollWidth > e.clientWidth + 1 && e.textContent.trim() && !hiddenAway(e)) out.push('text cut off: ' + desc(e));
  }
  // What of an element shows: its boxes (one per line for inline text), each cut to the
  // visible area of every ancestor that clips (a scrolling table wrapper shows only part).
  const boxes = e => {
    let list = getComputedStyle(e).display === 'inline' ? [...e.getClientRects()] : [e.getBoundingClientRect()];
    for (let x = e.parentElement; x && x !== document.body; x = x.parentElement) {
      const s = getComputedStyle(x);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const c = x.getBoundingClientRect();
      list = list.map(r => ({left: Math.max(r.left, c.left), right: Math.min(r.right, c.right),
        top: Math.max(r.top, c.top), bottom: Math.min(r.bottom, c.bottom)}));
    }
    return list.filter(r => r.right - r.left > 0 && r.bottom - r.top > 0);
  };
  const els = [...document.body.querySelectorAll('a,button,input,select,textarea,h1,h2,h3,h4,h5,h6,p,li,th,td,img,svg,meter,progress,summary,dt,dd,figcaption')]
    .filter(e => !hiddenAway(e));
  const all = els.map(boxes);
  for (let i = 0; i < els.length && out.length < 20; i++) {
    for (let j = i + 1; j < els.length; j++) {
      const a = els[i], b = els[j];
      if (a.contains(b) || b.contains(a)) continue;
      // Inside one scroll container a sticky cell may lie over a scrolled one by design.
      if (getComputedStyle(a).position === 'sticky' || getComputedStyle(b).position === 'sticky') continue;
      const hit = all[i].some(A => all[j].some(B =>
        Math.min(A.right, B.right) - Math.max(A.left, B.left) > 2 && Math.min(A.bottom, B.bottom) - Math.max(A.top, B.top) > 2));
      if (hit) {
        out.push('overlap: ' + desc(a) + ' and ' + desc(b));
        break;
      }
    }
  }
  return out;
})()`

// LayoutProblems returns what the page shows broken (see layoutScript); none is an empty list.
func LayoutProblems(ctx context.Context) ([]string, error) {
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](layoutScript))
	if err != nil {
		return nil, fmt.Errorf("browsertest: layout check: %w", err)
	}
	return out, nil
}
