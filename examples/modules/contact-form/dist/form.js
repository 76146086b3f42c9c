// The contact form: checks the fields as the table will (required, lengths, an email address),
// stores the submission in the module's own table, then emits form.submitted for webhooks.
const LIMITS = { name: 200, email: 320, message: 5000 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const form = document.getElementById('form');
const send = document.getElementById('send');
const failure = document.getElementById('failure');
const thanks = document.getElementById('thanks');

function values() {
  return {
    name: form.elements.name.value.trim(),
    email: form.elements.email.value.trim(),
    message: form.elements.message.value.trim(),
  };
}

/** What is wrong with each field, by name; empty when the form can be sent. */
function check(v) {
  const errors = {};
  if (!v.name) errors.name = 'Please tell us your name.';
  else if (v.name.length > LIMITS.name) errors.name = `Use at most ${LIMITS.name} characters.`;
  if (!v.email) errors.email = 'Please give an email address we can answer.';
  else if (v.email.length > LIMITS.email || !EMAIL.test(v.email)) errors.email = 'This does not look like an email address.';
  if (!v.message) errors.message = 'Please write a message.';
  else if (v.message.length > LIMITS.message) errors.message = `Use at most ${LIMITS.message} characters.`;
  return errors;
}

function showErrors(errors) {
  for (const field of Object.keys(LIMITS)) {
    const input = form.elements[field];
    const message = errors[field] ?? '';
    document.getElementById(`${field}-error`).textContent = message;
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
  }
  const first = Object.keys(LIMITS).find((field) => errors[field]);
  if (first) form.elements[first].focus();
}

async function main() {
  const dramac = await window.Dramac.connect();
  const { settings } = await dramac.context();
  send.disabled = false;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    failure.hidden = true;
    const submission = values();
    const errors = check(submission);
    showErrors(errors);
    if (Object.keys(errors).length > 0) return;

    send.disabled = true;
    send.textContent = 'Sending…';
    try {
      const row = await dramac.data.create('submissions', submission);
      const payload = { submissionId: row.id, name: submission.name, email: submission.email };
      if (settings.notifyEmail) payload.notifyEmail = settings.notifyEmail;
      // stored already: a failed event must not make the visitor send it twice
      await dramac.emit('form.submitted', payload).catch(() => {});
      form.hidden = true;
      thanks.textContent = settings.thankYouMessage || 'Thank you! We will get back to you soon.';
      thanks.hidden = false;
    } catch (error) {
      // the table's own checks (error.fields) go next to their fields; anything else above the button
      if (Object.keys(error.fields ?? {}).length > 0) showErrors(error.fields);
      else {
        failure.textContent = `Your message was not sent: ${error.message}`;
        failure.hidden = false;
      }
    } finally {
      send.disabled = false;
      send.textContent = 'Send';
    }
  });
}

main().catch((error) => {
  failure.textContent = `This form could not start: ${error.message}`;
  failure.hidden = false;
});
