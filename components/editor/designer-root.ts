/** The id of the element the designer renders into (the page's skeleton is in it until then). */
export const DESIGNER_ROOT_ID = 'designer'
