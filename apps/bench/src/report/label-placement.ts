/**
 * Browser code (plain ES5, inlined into the report) defining `placeLabels(points, area, height)`: a
 * spot for each point's label beside it, inside the chart area, clear of every label placed before it
 * and of the points. Points are taken left to right; each tries right-above, right-below, left-above,
 * left-below, then the same sides one line further out, and so on, and takes the first spot that is
 * free. Arms with the same spend and success (common: every arm solved the same tasks) get their
 * labels stacked instead of printed over one another, and a point at the right edge is labelled on
 * its left instead of being cut off. Returns the top-left corner of each label, in input order.
 */
export const labelPlacementSource = `function placeLabels(points, area, height) {
  var gap = 8, radius = 7, placed = [], result = [];
  for (var k = 0; k < points.length; k++) {
    placed.push({ x: points[k].x - radius, y: points[k].y - radius, width: 2 * radius, height: 2 * radius });
  }
  function overlaps(a, b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  }
  function fits(box) {
    if (box.x < area.left || box.x + box.width > area.right || box.y < area.top || box.y + box.height > area.bottom) return false;
    for (var i = 0; i < placed.length; i++) if (overlaps(box, placed[i])) return false;
    return true;
  }
  var order = points.map(function (p, i) { return i; }).sort(function (a, b) {
    return points[a].x - points[b].x || points[a].y - points[b].y;
  });
  order.forEach(function (i) {
    var p = points[i], chosen = null;
    var right = p.x + gap, left = p.x - gap - p.width;
    for (var ring = 0; ring < points.length + 2 && chosen === null; ring++) {
      var above = p.y - gap - height - ring * height, below = p.y + gap + ring * height;
      var spots = [[right, above], [right, below], [left, above], [left, below]];
      for (var s = 0; s < spots.length; s++) {
        var box = { x: spots[s][0], y: spots[s][1], width: p.width, height: height };
        if (fits(box)) { chosen = box; break; }
      }
    }
    if (chosen === null) {
      // Nowhere free: keep it inside the chart at least, beside the point.
      var x = Math.min(Math.max(right, area.left), area.right - p.width);
      var y = Math.min(Math.max(p.y - gap - height, area.top), area.bottom - height);
      chosen = { x: x, y: y, width: p.width, height: height };
    }
    placed.push(chosen);
    result[i] = { x: chosen.x, y: chosen.y };
  });
  return result;
}`;
