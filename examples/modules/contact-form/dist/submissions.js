// The dashboard page of the contact form: submissions newest first, a page at a time ("Load more"
// follows the gateway's cursor), each with a two-step delete. Built with DOM calls and textContent
// only, so nothing a visitor typed is ever read as HTML.
const PAGE_SIZE = 20;

const list = document.getElementById('list');
const more = document.getElementById('more');
const empty = document.getElementById('empty');
const loading = document.getElementById('loading');
const failure = document.getElementById('failure');

function element(tag, attributes = {}, text = '') {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

function fail(what, error) {
  failure.textContent = `${what}: ${error.message}`;
  failure.hidden = false;
}

async function main() {
  const dramac = await window.Dramac.connect();
  const { site } = await dramac.context();
  const when = new Intl.DateTimeFormat(site.locale, { timeZone: site.timeZone, dateStyle: 'medium', timeStyle: 'short' });
  let cursor = null;

  function showEmptyIfNone() {
    empty.hidden = list.childElementCount > 0 || !more.hidden || !failure.hidden;
  }

  function render(row) {
    const item = element('article', { class: 'submission' });
    const header = element('header');
    header.append(
      element('span', { class: 'who' }, row.name),
      element('span', { class: 'email' }, row.email),
      element('time', { datetime: row.created_at }, when.format(new Date(row.created_at))),
    );
    const actions = element('div', { class: 'actions' });
    const remove = element('button', { type: 'button', class: 'secondary' }, 'Delete');
    // sandboxed frames cannot open confirm(): ask inline instead
    remove.addEventListener('click', () => {
      const confirm = element('button', { type: 'button', class: 'danger' }, 'Delete for good');
      const cancel = element('button', { type: 'button', class: 'secondary' }, 'Keep');
      cancel.addEventListener('click', () => actions.replaceChildren(remove));
      confirm.addEventListener('click', async () => {
        confirm.disabled = true;
        cancel.disabled = true;
        try {
          await dramac.data.remove('submissions', row.id);
          item.remove();
          showEmptyIfNone();
          await dramac.toast(`Deleted the message from ${row.name}`.slice(0, 200), { kind: 'success' });
        } catch (error) {
          actions.replaceChildren(remove);
          await dramac.toast(`Could not delete: ${error.message}`.slice(0, 200), { kind: 'error' });
        }
      });
      actions.replaceChildren(confirm, cancel);
      cancel.focus();
    });
    actions.append(remove);
    item.append(header, element('p', { class: 'message' }, row.message), actions);
    list.append(item);
  }

  async function loadPage() {
    more.disabled = true;
    try {
      const page = await dramac.data.list('submissions', { order: 'created_at.desc', limit: PAGE_SIZE, cursor });
      for (const row of page.rows) render(row);
      cursor = page.nextCursor;
      more.hidden = cursor === null;
      failure.hidden = true;
    } catch (error) {
      fail('The submissions could not be loaded', error);
    } finally {
      more.disabled = false;
      loading.hidden = true;
      showEmptyIfNone();
    }
  }

  more.addEventListener('click', loadPage);
  await loadPage();
}

main().catch((error) => {
  loading.hidden = true;
  fail('This page could not start', error);
});
