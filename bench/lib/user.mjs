// The one signed-in user of every bench scenario: pages, mock back ends and the Next app.
const USER = { id: 'user-1', name: 'Ada', email: 'ada@example.com', role: 'member' }

export { USER }
