// Keeps the view the user asked for (#/trace/…) across sign-in: the fragment never reaches the server, so the form
// carries it and the server sends the browser back to it.
const form = document.querySelector('form.login');
const next = document.createElement('input');
next.type = 'hidden';
next.name = 'next';
next.value = location.hash;
form.append(next);
