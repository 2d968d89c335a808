// The search page: Pagefind's results for the form's words and filters.
// Strings come from the page's data- attributes, already translated; results
// are built with DOM calls only (an excerpt's <mark> tags become elements).
const root = document.getElementById("search");
const form = root.querySelector("form");
const input = form.elements.q;
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const lang = document.documentElement.lang;
const plurals = new Intl.PluralRules(lang);
const numbers = new Intl.NumberFormat(lang);
const FILTERS = ["type", "audience"];
const SHOWN = 50;
let pagefind = null;
let latest = 0;
let timer = 0;

function counted(count) {
  const category = plurals.select(count);
  const key = "count" + category[0].toUpperCase() + category.slice(1);
  const template = root.dataset[key] || root.dataset.countOther;
  return template.replace("{count}", numbers.format(count));
}

function element(name, className, text) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function excerpt(html) {
  // Parsed in an inert document; only text and <mark> are carried over.
  const parsed = new DOMParser().parseFromString(html || "", "text/html");
  const paragraph = element("p", "search-excerpt");
  for (const node of parsed.body.childNodes) {
    paragraph.append(
      node.nodeName === "MARK"
        ? element("mark", "", node.textContent)
        : document.createTextNode(node.textContent),
    );
  }
  return paragraph;
}

function result(data) {
  const item = element("li", "search-result");
  const meta = data.meta || {};
  if (meta.image && meta.image.startsWith("/")) {
    const image = element("img");
    Object.assign(image, { src: meta.image, alt: "", width: 96, height: 64 });
    image.loading = "lazy";
    item.append(image);
  }
  const heading = element("h2");
  const link = element("a", "", meta.title || data.url);
  link.href = data.url.startsWith("/") ? data.url : "#";
  heading.append(link);
  item.append(heading);
  const types = (data.filters || {}).type || [];
  if (types.length) item.append(element("p", "search-type", types.join(", ")));
  item.append(excerpt(data.excerpt));
  return item;
}

function chosen() {
  const filters = {};
  for (const name of FILTERS) {
    const values = [...form.querySelectorAll(`input[name="${name}"]:checked`)];
    if (values.length) filters[name] = { any: values.map((box) => box.value) };
  }
  return filters;
}

function remember() {
  const query = new URLSearchParams(new FormData(form));
  if (!input.value.trim()) query.delete("q");
  const search = query.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

async function run() {
  const ticket = ++latest;
  const words = input.value.trim();
  const filters = chosen();
  remember();
  if (!words && !Object.keys(filters).length) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = root.dataset.searching;
  let found, data;
  try {
    found = await pagefind.search(words || null, { filters });
    data = await Promise.all(
      found.results.slice(0, SHOWN).map((item) => item.data()),
    );
  } catch {
    if (ticket === latest) status.textContent = root.dataset.error;
    return;
  }
  if (ticket !== latest) return; // a newer search has started meanwhile
  list.replaceChildren(...data.map(result));
  status.textContent = found.results.length
    ? counted(found.results.length)
    : root.dataset.none;
}

function restore() {
  // The address wins when it carries a search; otherwise what the visitor
  // typed or ticked while the index loaded (slow networks) is kept.
  if (!location.search) return;
  const query = new URLSearchParams(location.search);
  input.value = query.get("q") || "";
  for (const name of FILTERS) {
    const values = query.getAll(name);
    for (const box of form.querySelectorAll(`input[name="${name}"]`)) {
      box.checked = values.includes(box.value);
    }
  }
}

async function start() {
  try {
    pagefind = await import(root.dataset.bundle);
    await pagefind.options({ excerptLength: 24 });
    await pagefind.init();
  } catch {
    status.textContent = root.dataset.error;
    return;
  }
  document.getElementById("search-nojs").hidden = true;
  for (const group of form.querySelectorAll("fieldset[hidden]")) {
    group.hidden = false;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") run();
  });
  restore();
  run();
}

start();
